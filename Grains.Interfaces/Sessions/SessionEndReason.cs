namespace RegionSim.Sessions;

/// <summary>Why a session ended (simulator-level: the wire only says EXPIRED).</summary>
[GenerateSerializer]
public enum SessionEndReason
{
    /// <summary>The session reached MaxUserDurationInSeconds.</summary>
    MaxUserDuration,

    /// <summary>The user stayed disconnected (or idle, then disconnected) past DisconnectTimeoutInSeconds.</summary>
    DisconnectTimeout,

    /// <summary>The user logged out: the session ends at once, without the disconnect timeout.</summary>
    LogOut,

    /// <summary>ExpireSession.</summary>
    Expired,

    /// <summary>The fleet was stopped.</summary>
    FleetStopped,
}
