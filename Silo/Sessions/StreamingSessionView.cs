using RegionSim.Sessions;

namespace RegionSim.Silo.Sessions;

/// <summary>
/// A streaming session as its user sees it, for opening a streaming URL and the companion calls (written
/// with <c>AppStreamJson</c>: enums as AWS names them, times in epoch seconds, absent members left out).
/// </summary>
public sealed record StreamingSessionView
{
    public required string SessionId { get; init; }
    public required string UserId { get; init; }
    public required string StackName { get; init; }
    public required string FleetName { get; init; }

    /// <summary>PENDING while the instance gets ready (ON_DEMAND, ELASTIC), ACTIVE while it streams, EXPIRED once over.</summary>
    public required SessionState State { get; init; }
    public SessionConnectionState? ConnectionState { get; init; }
    public string? InstanceId { get; init; }
    public DateTimeOffset? StartTime { get; init; }
    public DateTimeOffset? MaxExpirationTime { get; init; }
    public AuthenticationType? AuthenticationType { get; init; }

    /// <summary>On opening a URL: true when the user came back to a session in progress.</summary>
    public bool? Resumed { get; init; }

    /// <summary>What the instance offered when the session started: the image, its software, the user's persisted profile settings.</summary>
    public required SessionStart StartedFrom { get; init; }
    public required IReadOnlyDictionary<string, string> ProfileChanges { get; init; }
    public required IReadOnlyList<string> SoftwareInstalled { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
    public SessionEndReason? EndReason { get; init; }

    public static StreamingSessionView Of(SessionDetails details, bool? resumed = null) => new()
    {
        SessionId = details.Session.Id,
        UserId = details.Session.UserId,
        StackName = details.Session.StackName,
        FleetName = details.Session.FleetName,
        State = details.Session.State,
        ConnectionState = details.Session.ConnectionState,
        InstanceId = details.Session.InstanceId,
        StartTime = details.Session.StartTime,
        MaxExpirationTime = details.Session.MaxExpirationTime,
        AuthenticationType = details.Session.AuthenticationType,
        Resumed = resumed,
        StartedFrom = details.StartedFrom,
        ProfileChanges = details.ProfileChanges,
        SoftwareInstalled = details.SoftwareInstalled,
        EndedAt = details.EndedAt,
        EndReason = details.EndReason,
    };
}
