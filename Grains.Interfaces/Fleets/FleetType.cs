namespace RegionSim.Fleets;

/// <summary>How a fleet provides instances (wire values ALWAYS_ON, ON_DEMAND, ELASTIC); fixed when the fleet is created.</summary>
[GenerateSerializer]
public enum FleetType
{
    /// <summary>Instances run all the time, ready for a user to connect at once.</summary>
    AlwaysOn,

    /// <summary>Instances are kept stopped and start (1-2 minutes) when a user connects.</summary>
    OnDemand,

    /// <summary>No fleet capacity: an instance is taken from a pool for each session, up to MaxConcurrentSessions.</summary>
    Elastic,
}
