namespace RegionSim.Sessions;

[GenerateSerializer, Alias("RegionSim.SessionHandleState")]
public sealed class SessionHandleState
{
    /// <summary>The key of the fleet that hosts the session.</summary>
    [Id(0)] public string? Fleet { get; set; }
}
