namespace RegionSim.Simulation;

/// <summary>
/// A fleet or a region's simulation was asked to step a load simulation it holds nothing of: what it kept
/// in memory (simulated users, the fleets it steps) died with its silo, and this is a new activation. The
/// runner begins the region again and gives the fleet new users.
/// </summary>
[GenerateSerializer, Alias("RegionSim.SimulationStateLostException")]
public sealed class SimulationStateLostException(string message) : Exception(message);
