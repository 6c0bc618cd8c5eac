namespace RegionSim.Fleets;

/// <summary>The life of a fleet (wire values STARTING, RUNNING, STOPPING, STOPPED). A new fleet is STOPPED.</summary>
[GenerateSerializer]
public enum FleetState
{
    Starting,
    Running,
    Stopping,
    Stopped,
}
