namespace RegionSim.Fleets;

/// <summary>What users see when they stream: one application window (APP) or the desktop (DESKTOP).</summary>
[GenerateSerializer]
public enum StreamView
{
    App,
    Desktop,
}
