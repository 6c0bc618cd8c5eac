using RegionSim.Errors;
using RegionSim.Sessions;
using RegionSim.Validation;

namespace RegionSim.Silo.Sessions;

/// <summary>
/// The user's side of streaming, without HTTP: opening a streaming URL as the user it was made for, and
/// acting in the session that opened (disconnect, reconnect, go idle, change a profile setting, install
/// software, log out) knowing only its id. The HTTP routes (<c>GET /authenticate</c>,
/// <c>POST /_regionsim/sessions/&lt;id&gt;/&lt;action&gt;</c>) call it; scripts call it in process with any
/// <see cref="IGrainFactory"/>. The fleet decides every rule; refusals are <see cref="AppStreamException"/>s.
/// </summary>
public sealed class StreamingSessions(IGrainFactory grains)
{
    /// <summary>The companion calls' action names, as the HTTP route takes them.</summary>
    public static IReadOnlyList<string> Actions { get; } = ["disconnect", "reconnect", "idle", "change-settings", "install-software", "logout"];

    /// <summary>
    /// Opens <paramref name="streamingUrl"/> (on any host, or its bare token) once, before it expires: the fleet
    /// starts the user's session (or resumes the one in progress), or the image builder takes the connection.
    /// </summary>
    public async Task<OpenedStreamingUrl> OpenAsync(string streamingUrl)
    {
        var opened = await grains.GetGrain<IStreamingUrlGrain>(StreamingUrls.TokenOf(streamingUrl)).OpenAsync();
        if (opened.Session is not { } connection)
        {
            return new OpenedStreamingUrl { ImageBuilder = opened.ImageBuilder };
        }

        var details = await grains.GetGrain<ISessionHandleGrain>(connection.Session.Id).GetAsync();
        return new OpenedStreamingUrl { Session = StreamingSessionView.Of(details, connection.Resumed) };
    }

    /// <summary>A session opened from a streaming URL: in progress, or how it ended.</summary>
    public async Task<StreamingSessionView> GetAsync(string sessionId) =>
        StreamingSessionView.Of(await Handle(sessionId).GetAsync());

    /// <summary>The user acts in the session; answers the session after it.</summary>
    public async Task<StreamingSessionView> ActAsync(string sessionId, UserAction action) =>
        StreamingSessionView.Of(await Handle(sessionId).ActAsync(action));

    /// <summary>
    /// The user acts in the session by a companion call's name (<see cref="Actions"/>): <c>change-settings</c>
    /// takes a profile setting's <paramref name="name"/> and <paramref name="value"/>, <c>install-software</c> the software's name.
    /// </summary>
    public Task<StreamingSessionView> ActAsync(string sessionId, string action, string? name = null, string? value = null) =>
        ActAsync(sessionId, UserActionOf(action, name, value));

    public Task<StreamingSessionView> DisconnectAsync(string sessionId) => ActAsync(sessionId, UserAction.Disconnect);

    /// <summary>The user comes back: the same session on the same instance, if it has not ended (the disconnect timeout had not passed).</summary>
    public Task<StreamingSessionView> ReconnectAsync(string sessionId) => ActAsync(sessionId, UserAction.Reconnect);

    public Task<StreamingSessionView> GoIdleAsync(string sessionId) => ActAsync(sessionId, UserAction.GoIdle);

    public Task<StreamingSessionView> ChangeSettingAsync(string sessionId, string name, string value) =>
        ActAsync(sessionId, UserAction.ChangeProfileSetting(name, value));

    public Task<StreamingSessionView> InstallSoftwareAsync(string sessionId, string name) => ActAsync(sessionId, UserAction.InstallSoftware(name));

    public Task<StreamingSessionView> LogOutAsync(string sessionId) => ActAsync(sessionId, UserAction.LogOut);

    /// <summary>The user action a companion call's name means.</summary>
    public static UserAction UserActionOf(string action, string? name = null, string? value = null) => action switch
    {
        "disconnect" => UserAction.Disconnect,
        "reconnect" => UserAction.Reconnect,
        "idle" => UserAction.GoIdle,
        "change-settings" => UserAction.ChangeProfileSetting(Check.Required(name, "name"), Check.Required(value, "value")),
        "install-software" => UserAction.InstallSoftware(Check.Required(name, "name")),
        "logout" => UserAction.LogOut,
        _ => throw AppStreamException.Invalid($"'{action}' is not something a user does in a session; the actions are {string.Join(", ", Actions)}."),
    };

    private ISessionHandleGrain Handle(string sessionId) =>
        grains.GetGrain<ISessionHandleGrain>(Check.MinLength(Check.MaxLength(Check.Required(sessionId, "SessionId"), 128, "SessionId"), 1, "SessionId")!);
}
