using RegionSim.Resources;

namespace RegionSim.Sessions;

/// <summary>
/// One streaming URL (key: its token, see <see cref="StreamingUrls"/>): what it opens (a user's session on a
/// fleet through a stack, or an image builder), until when, and whether it has been opened. A URL opens once,
/// before it expires; a connection the fleet refuses (no instance available, fleet not running) does not use it up.
/// </summary>
[Alias("RegionSim.Sessions.IStreamingUrlGrain")]
public interface IStreamingUrlGrain : IGrainWithStringKey
{
    /// <summary>The stack made this URL for a user of its fleet.</summary>
    [Alias("IssueForSession")]
    Task IssueForSessionAsync(StreamingConnectRequest connection);

    /// <summary>The image builder made this URL for a person to connect to it.</summary>
    [Alias("IssueForImageBuilder")]
    Task IssueForImageBuilderAsync(ResourceKey imageBuilder, DateTimeOffset expires);

    /// <summary>
    /// Someone opens the URL: the fleet starts (or resumes) the user's session as for a connecting user, or the
    /// image builder takes the connection. Refused when the URL is unknown (ResourceNotFound), already opened or
    /// expired (OperationNotPermitted), or when the fleet or builder refuses.
    /// </summary>
    [Alias("Open")]
    Task<StreamingUrlOpened> OpenAsync();
}
