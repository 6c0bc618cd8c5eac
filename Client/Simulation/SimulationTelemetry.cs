using System.Diagnostics.Metrics;
using RegionSim.Simulation;

namespace RegionSim.Client.Simulation;

/// <summary>The load simulation's metrics, on the RegionSim meter the silo's OpenTelemetry exports.</summary>
public static class SimulationTelemetry
{
    private static readonly Meter Meter = new("RegionSim");
    private static readonly Counter<long> Attempts = Meter.CreateCounter<long>("regionsim.simulation.connection_attempts", "{connection}", "Simulated users' connection attempts");
    private static readonly Counter<long> Started = Meter.CreateCounter<long>("regionsim.simulation.sessions_started", "{session}", "Sessions the simulation's users started");
    private static readonly Counter<long> Refused = Meter.CreateCounter<long>("regionsim.simulation.refused", "{connection}", "Simulated connections refused for want of capacity");
    private static long _sessions;
    private static long _simulatedSeconds;

    static SimulationTelemetry()
    {
        Meter.CreateObservableGauge("regionsim.simulation.sessions", () => Interlocked.Read(ref _sessions), "{session}", "Sessions in progress at the last step's end");
        Meter.CreateObservableGauge("regionsim.simulation.time", () => Interlocked.Read(ref _simulatedSeconds), "s", "Simulated time reached (Unix seconds)");
    }

    public static void Record(DateTimeOffset simulatedTime, FleetSample total)
    {
        Attempts.Add(total.Attempts);
        Started.Add(total.Started);
        Refused.Add(total.Refused);
        Interlocked.Exchange(ref _sessions, total.Sessions);
        Interlocked.Exchange(ref _simulatedSeconds, simulatedTime.ToUnixTimeSeconds());
    }
}
