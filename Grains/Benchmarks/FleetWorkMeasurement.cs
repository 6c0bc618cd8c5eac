namespace RegionSim.Benchmarks;

/// <summary>
/// What <see cref="FleetWorkBenchmark"/> measured. <see cref="FleetStepsWithRegion"/> counts the fleet steps
/// that brought a grant, asked for slots or gave some back: the only ones at which a fleet needed its region. <see cref="Fingerprint"/> sums up every fleet's totals:
/// runs of the same fleets give the same one, however many threads ran them.
/// </summary>
public sealed record FleetWorkMeasurement(
    int Threads,
    int Fleets,
    long FleetSteps,
    long FleetStepsWithRegion,
    long SessionsStarted,
    TimeSpan WallTime,
    TimeSpan ProcessorTime,
    TimeSpan GarbageCollectionPause,
    long AllocatedBytes,
    long Fingerprint)
{
    public double MicrosecondsPerSession => SessionsStarted == 0 ? 0 : WallTime.TotalMicroseconds / SessionsStarted;
}
