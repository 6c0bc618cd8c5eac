namespace RegionSim.Sessions;

/// <summary>
/// The streaming sessions of one fleet (key: the fleet's key, <c>region/account/name</c>). Sessions live
/// inside their fleet, so this facet is implemented by the fleet grain itself.
/// </summary>
[Alias("RegionSim.Sessions.IFleetSessionsGrain")]
public interface IFleetSessionsGrain : IGrainWithStringKey
{
    /// <summary>
    /// A user opens a streaming URL: resumes the user's session in progress on this fleet and stack (same
    /// session, same instance), or starts a new one on an available instance. Refused (and counted as an
    /// InsufficientCapacityError) when no instance is available.
    /// </summary>
    [Alias("Connect")]
    Task<StreamingConnection> ConnectAsync(StreamingConnectRequest request);

    /// <summary>Something the user does in a session in progress (disconnect, log out, go idle, change a setting, install software).</summary>
    [Alias("Act")]
    Task<Session> ActAsync(string sessionId, UserAction action);

    /// <summary>ExpireSession: ends the session at once; answers whether this fleet had it.</summary>
    [Alias("Expire")]
    Task<bool> ExpireAsync(string sessionId);

    /// <summary>DescribeSessions for this fleet: its sessions in progress for the request's stack.</summary>
    [Alias("DescribeSessions"), AlwaysInterleave]
    Task<DescribeSessionsResponse> DescribeSessionsAsync(DescribeSessionsRequest request);

    /// <summary>A session in progress or recently ended, with what it started from; ResourceNotFound otherwise.</summary>
    [Alias("GetSession"), AlwaysInterleave]
    Task<SessionDetails> GetSessionAsync(string sessionId);

    /// <summary>How many sessions from <paramref name="stackName"/> are in progress on this fleet.</summary>
    [Alias("CountSessions"), AlwaysInterleave]
    Task<int> CountSessionsAsync(string stackName);
}
