namespace RegionSim.Benchmarks;

/// <summary>
/// What <see cref="FleetWorkBenchmark"/> measured. <see cref="FleetCalls"/> counts the calls the fleets' regions would
/// have made; <see cref="FleetCallsWithRegion"/> those that brought a grant or whose answer asked for slots or
/// gave some back. <see cref="Fingerprint"/> sums up every fleet's totals:
/// runs of the same fleets give the same one, however many threads ran them.
/// </summary>
public sealed record FleetWorkMeasurement(
    int Threads,
    bool RunAhead,
    int Fleets,
    long FleetCalls,
    long FleetCallsWithRegion,
    long SessionsStarted,
    TimeSpan WallTime,
    TimeSpan ProcessorTime,
    TimeSpan GarbageCollectionPause,
    long AllocatedBytes,
    long Fingerprint);
