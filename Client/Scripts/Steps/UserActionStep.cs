using System.Text.Json;
using System.Text.Json.Nodes;
using RegionSim.Client.Scripts.Values;
using RegionSim.Sessions;
using RegionSim.Wire;

namespace RegionSim.Client.Scripts.Steps;

/// <summary>
/// What a user does (simulator-level): open a streaming URL (<c>connect: ${url1.StreamingURL}</c>, with
/// <c>save: alice</c> to name the session), then act in that session: <c>disconnect: alice</c>,
/// <c>reconnect: alice</c> (opens the URL again, or <c>{session: alice, url: ...}</c>), <c>idle: alice</c>,
/// <c>active: alice</c>, <c>change-setting: {session: alice, name: ..., value: ...}</c>,
/// <c>install-software: {session: alice, name: ...}</c>, <c>logout: alice</c>, and <c>session-details: alice</c>
/// to look at what the session started from and how it ended.
/// </summary>
public sealed class UserActionStep(string action, StepArguments arguments, ValueShape resultShape) : IStepAction
{
    /// <summary>The actions, by key, with what each takes.</summary>
    public static IReadOnlyDictionary<string, string> Usage { get; } = new Dictionary<string, string>
    {
        ["connect"] = "<streaming URL> (save: <session name>)",
        ["reconnect"] = "<session> | {session: ..., url: ...}",
        ["disconnect"] = "<session>",
        ["idle"] = "<session>",
        ["active"] = "<session>",
        ["change-setting"] = "{session: ..., name: ..., value: ...}",
        ["install-software"] = "{session: ..., name: ...}",
        ["logout"] = "<session>",
        ["session-details"] = "<session>",
    };

    private static readonly ValueShape Connection = TypeShape.Of<StreamingConnection>();
    private static readonly ValueShape SessionShape = TypeShape.Of<Session>();

    private static readonly Dictionary<string, (StructureShape Arguments, string ScalarMember)> Shapes = new()
    {
        ["connect"] = (new("connect", [("url", ValueShape.String)], required: ["url"]), "url"),
        ["reconnect"] = (new("reconnect", [("session", ValueShape.String), ("url", ValueShape.String)], required: ["session"]), "session"),
        ["disconnect"] = (SessionOnly("disconnect"), "session"),
        ["idle"] = (SessionOnly("idle"), "session"),
        ["active"] = (SessionOnly("active"), "session"),
        ["logout"] = (SessionOnly("logout"), "session"),
        ["session-details"] = (SessionOnly("session-details"), "session"),
        ["change-setting"] = (new("change-setting", [("session", ValueShape.String), ("name", ValueShape.String), ("value", ValueShape.String)], required: ["session", "name", "value"]), "session"),
        ["install-software"] = (new("install-software", [("session", ValueShape.String), ("name", ValueShape.String)], required: ["session", "name"]), "session"),
    };

    public ValueShape ResultShape => resultShape;

    /// <summary>Steps that answer a session a later step can act in (with <c>save:</c>).</summary>
    public static bool StartsSession(string action) => action is "connect" or "reconnect";

    public static UserActionStep? Compile(StepSource source)
    {
        var (shape, scalarMember) = Shapes[source.Action];
        var arguments = source.Arguments(shape, scalarMember);
        if (source.Action != "connect" && SessionName(source) is { } session && !source.Scope.IsSession(session))
        {
            source.Problem(source.Argument, source.Scope.Sessions.Any()
                ? $"{source.Action}: no step before this one connects a session saved as {session}; the sessions are {string.Join(", ", source.Scope.Sessions)}."
                : $"{source.Action}: no step before this one connects a session saved as {session} (connect: <url> with save: {session}).");
        }

        if (StartsSession(source.Action) && source.Modifier("save") is null && source.Action == "connect")
        {
            source.Problem(source.ActionKey, "connect: name the session with save: <name>, so that later steps can act in it.");
        }

        var result = source.Action switch
        {
            "connect" or "reconnect" => Connection,
            "session-details" => TypeShape.Of<SessionDetails>(),
            _ => SessionShape,
        };
        return new UserActionStep(source.Action, arguments, result);
    }

    public async Task<StepResult> RunAsync(ScriptStep step, ScriptContext context)
    {
        var values = arguments.Resolve(context);
        var session = values["session"] is { } name ? Session(context, Template.TextOf(name)) : null;
        switch (action)
        {
            case "connect":
            case "reconnect":
                var url = values["url"] is { } given ? Template.TextOf(given) : session!.StreamingUrl;
                var connection = await context.Grains.ConnectAsync(url);
                if (step.Save is { } saveAs)
                {
                    var token = StreamingUrls.Read(url);
                    context.Sessions[saveAs] = new UserSession(url, token.Region, token.AccountId, token.FleetName, connection.Session.Id);
                }
                else if (session is not null && values["session"] is { } reconnected)
                {
                    context.Sessions[Template.TextOf(reconnected)] = session with { StreamingUrl = url, SessionId = connection.Session.Id };
                }

                return StepResult.Of(Json(connection), $"{connection.Session.Id[..8]}… {Wire(connection.Session.State)}{(connection.Resumed ? ", resumed" : "")}");
            case "session-details":
                var details = await Sessions(context, session!).GetSessionAsync(session!.SessionId);
                return StepResult.Of(Json(details), $"{Wire(details.Session.State)}{(details.EndReason is { } reason ? $", ended: {Wire(reason)}" : "")}");
            default:
                var acted = await Sessions(context, session!).ActAsync(session!.SessionId, UserActionOf(values));
                return StepResult.Of(Json(acted), $"{Wire(acted.State)}, {(acted.ConnectionState is { } state ? Wire(state) : "")}".TrimEnd(',', ' '));
        }
    }

    private UserAction UserActionOf(JsonObject values) => action switch
    {
        "disconnect" => UserAction.Disconnect,
        "idle" => UserAction.GoIdle,
        "active" => UserAction.BecomeActive,
        "logout" => UserAction.LogOut,
        "change-setting" => UserAction.ChangeProfileSetting(Template.TextOf(values["name"]), Template.TextOf(values["value"])),
        "install-software" => UserAction.InstallSoftware(Template.TextOf(values["name"])),
        _ => throw new InvalidOperationException(action),
    };

    private static UserSession Session(ScriptContext context, string name) =>
        context.Sessions.TryGetValue(name, out var session) ? session : throw new StepFailure($"No session was saved as {name} (did the step that connects it fail?).");

    private static IFleetSessionsGrain Sessions(ScriptContext context, UserSession session) =>
        context.Grains.GetFleetSessions(session.Region, session.AccountId, session.FleetName);

    private static string? SessionName(StepSource source) => source.Argument switch
    {
        YamlDotNet.RepresentationModel.YamlScalarNode scalar => scalar.Value,
        YamlDotNet.RepresentationModel.YamlMappingNode mapping => mapping.Children
            .FirstOrDefault(m => m.Key is YamlDotNet.RepresentationModel.YamlScalarNode { Value: "session" }).Value is YamlDotNet.RepresentationModel.YamlScalarNode named ? named.Value : null,
        _ => null,
    };

    private static StructureShape SessionOnly(string action) => new(action, [("session", ValueShape.String)], required: ["session"]);

    private static JsonNode Json<T>(T value) => JsonSerializer.SerializeToNode(value, AppStreamJson.Options)!;

    private static string Wire<TEnum>(TEnum value) where TEnum : struct, Enum => WireNames.Of(value);
}
