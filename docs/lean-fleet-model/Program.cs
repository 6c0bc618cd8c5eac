using System.Diagnostics;
using LeanFleetModel;

// The least the fleets' work in scenarios/global-day.yaml could cost on this machine: the same kinds of
// events at about the same counts (1,300 fleets, 1,440 one-minute steps, about 1.2 million sessions, a
// replacement instance for every session that ends, target tracking every minute), kept in arrays of
// numbers instead of objects, on one thread, without Orleans. It leaves out much of what the real engine does
// (session states, disconnects and idling, per-minute metrics, samples, running ahead), so what it
// measures is a floor for any engine, not an estimate of one. See docs/benchmarks.md, "The day without its
// fleets' work".
const int fleetCount = 1300, steps = 1440;
var fleets = Enumerable.Range(0, fleetCount).Select(i => new Fleet(seed: i, utcOffsetHours: (i % 13 * 2) - 12)).ToArray();

var processorBefore = Environment.CpuUsage.TotalTime;
var allocatedBefore = GC.GetTotalAllocatedBytes();
var watch = Stopwatch.StartNew();
for (var step = 1; step <= steps; step++)
{
    foreach (var fleet in fleets)
    {
        fleet.RunUntil(step * Fleet.Minute);
    }
}

var processor = Environment.CpuUsage.TotalTime - processorBefore;
var started = fleets.Sum(fleet => fleet.Started);
Console.WriteLine($"{started:N0} sessions started, {fleets.Sum(fleet => fleet.Refused):N0} attempts refused, in {watch.Elapsed.TotalSeconds:F2} s of wall time and {processor.TotalSeconds:F2} s of CPU");
Console.WriteLine($"{processor.TotalMicroseconds / started:F2} µs of CPU per session; {(GC.GetTotalAllocatedBytes() - allocatedBefore) / 1048576.0:F0} MiB allocated, {GC.CollectionCount(0)} gen-0 collections");
