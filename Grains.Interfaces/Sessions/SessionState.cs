namespace RegionSim.Sessions;

/// <summary>PENDING while the instance is prepared, ACTIVE while it streams, EXPIRED once it has ended.</summary>
[GenerateSerializer]
public enum SessionState
{
    Active,
    Pending,
    Expired,
}
