using System.Text.Json;
using System.Text.Json.Nodes;
using RegionSim.Client.Scripts.Values;
using RegionSim.Sessions;
using RegionSim.Silo.Sessions;
using RegionSim.Wire;
using YamlDotNet.RepresentationModel;

namespace RegionSim.Client.Scripts.Steps;

/// <summary>
/// What a user does (simulator-level), through <see cref="StreamingSessions"/> as the HTTP routes do: open a
/// streaming URL (<c>connect: ${url1.StreamingURL}</c>, with <c>save: alice</c> to name the session), then act
/// in that session: <c>disconnect</c>, <c>reconnect</c>, <c>idle</c>, <c>active</c> (back from idle),
/// <c>change-settings: {session, name, value}</c>, <c>install-software: {session, name}</c>, <c>logout</c>; and
/// <c>session-details</c> to look at it (what it started from, what the user changed, how it ended).
/// </summary>
public sealed class UserActionStep(string action, StepArguments arguments, ValueShape resultShape) : IStepAction
{
    /// <summary>The actions, by key, with what each takes.</summary>
    public static IReadOnlyDictionary<string, string> Usage { get; } = new Dictionary<string, string>
    {
        ["connect"] = "<streaming URL> (save: <session name>)",
        ["disconnect"] = "<session>",
        ["reconnect"] = "<session>",
        ["idle"] = "<session>",
        ["active"] = "<session>",
        ["change-settings"] = "{session: ..., name: ..., value: ...}",
        ["install-software"] = "{session: ..., name: ...}",
        ["logout"] = "<session>",
        ["session-details"] = "<session>",
    };

    private static readonly Dictionary<string, StructureShape> Shapes = new()
    {
        ["connect"] = new("connect", [("url", ValueShape.String)], required: ["url"]),
        ["change-settings"] = new("change-settings", [("session", ValueShape.String), ("name", ValueShape.String), ("value", ValueShape.String)], required: ["session", "name", "value"]),
        ["install-software"] = new("install-software", [("session", ValueShape.String), ("name", ValueShape.String)], required: ["session", "name"]),
    };

    private static readonly StructureShape SessionOnly = new("session", [("session", ValueShape.String)], required: ["session"]);

    public ValueShape ResultShape => resultShape;

    /// <summary>Steps whose <c>save:</c> names a session later steps act in.</summary>
    public static bool StartsSession(string action) => action == "connect";

    public static UserActionStep? Compile(StepSource source)
    {
        var connect = source.Action == "connect";
        var arguments = source.Arguments(Shapes.GetValueOrDefault(source.Action, SessionOnly), connect ? "url" : "session");
        if (!connect && SessionName(source) is { } session && !source.Scope.IsSession(session))
        {
            source.Problem(source.Argument, source.Scope.Sessions.Any()
                ? $"{source.Action}: no step before this one connects a session saved as {session}; the sessions are {string.Join(", ", source.Scope.Sessions)}."
                : $"{source.Action}: no step before this one connects a session saved as {session} (connect: <url> with save: {session}).");
        }

        if (connect && source.Modifier("save") is null)
        {
            source.Problem(source.ActionKey, "connect: name the session with save: <name>, so that later steps can act in it.");
        }

        return new UserActionStep(source.Action, arguments, connect ? TypeShape.Of<OpenedStreamingUrl>() : TypeShape.Of<StreamingSessionView>());
    }

    public async Task<StepResult> RunAsync(ScriptStep step, ScriptContext context)
    {
        var values = arguments.Resolve(context);
        if (action == "connect")
        {
            var opened = await context.Streaming.OpenAsync(Template.TextOf(values["url"]));
            if (opened.Session is { } started && step.Save is { } name)
            {
                context.Sessions[name] = started.SessionId;
            }

            return StepResult.Of(Json(opened), opened.Session is { } session
                ? $"{Summary(session)}{(session.Resumed == true ? ", resumed" : "")}"
                : $"connected to image builder {opened.ImageBuilder?.Name}");
        }

        var sessionName = Template.TextOf(values["session"]);
        var id = context.Sessions.TryGetValue(sessionName, out var known)
            ? known
            : throw new StepFailure($"No session was saved as {sessionName} (did the step that connects it fail?).");
        var view = action switch
        {
            "session-details" => await context.Streaming.GetAsync(id),
            "active" => await context.Streaming.ActAsync(id, UserAction.BecomeActive),
            _ => await context.Streaming.ActAsync(id, action, values["name"] is { } n ? Template.TextOf(n) : null, values["value"] is { } v ? Template.TextOf(v) : null),
        };
        return StepResult.Of(Json(view), Summary(view));
    }

    private static string Summary(StreamingSessionView session) =>
        string.Join(", ", new[]
        {
            WireNames.Of(session.State),
            session.ConnectionState is { } connection ? WireNames.Of(connection) : null,
            session.EndReason is { } reason ? $"ended: {WireNames.Of(reason)}" : null,
        }.Where(part => part is not null));

    /// <summary>The session a step names, as written (<c>alice</c> or <c>{session: alice, ...}</c>).</summary>
    private static string? SessionName(StepSource source) => source.Argument switch
    {
        YamlScalarNode scalar => scalar.Value,
        YamlMappingNode mapping => mapping.Children.FirstOrDefault(m => m.Key is YamlScalarNode { Value: "session" }).Value is YamlScalarNode named ? named.Value : null,
        _ => null,
    };

    private static JsonNode Json<T>(T value) => JsonSerializer.SerializeToNode(value, AppStreamJson.Options)!;
}
