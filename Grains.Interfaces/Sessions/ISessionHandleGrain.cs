using RegionSim.Resources;

namespace RegionSim.Sessions;

/// <summary>
/// What the user of a session opened from a streaming URL holds (key: the session id): the way to the fleet
/// that hosts the session, so that the user can act on it knowing only its id. Sessions live in their fleet;
/// this grain only knows where (one per session opened from a URL; sessions started otherwise have none).
/// </summary>
[Alias("RegionSim.Sessions.ISessionHandleGrain")]
public interface ISessionHandleGrain : IGrainWithStringKey
{
    /// <summary>The session is hosted by <paramref name="fleet"/>.</summary>
    [Alias("Track")]
    Task TrackAsync(ResourceKey fleet);

    /// <summary>The user does something in the session (see <see cref="UserActionKind"/>); answers the session after it.</summary>
    [Alias("Act")]
    Task<SessionDetails> ActAsync(UserAction action);

    /// <summary>The session now (in progress, or how it ended).</summary>
    [Alias("Get"), AlwaysInterleave]
    Task<SessionDetails> GetAsync();
}
