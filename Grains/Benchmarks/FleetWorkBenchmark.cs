using System.Diagnostics;
using RegionSim.Fleets;
using RegionSim.Resources;
using RegionSim.Scaling;
using RegionSim.Sessions;
using RegionSim.Simulation;
using RegionSim.Stacks;
using RegionSim.Time;

namespace RegionSim.Benchmarks;

/// <summary>
/// The fleets' own work in a load simulation, without Orleans: each fleet's engine and simulated users
/// stepped as the region's simulation steps them (<see cref="SteppedFleet"/>: a fleet is called only at steps
/// that reach its next due time, and runs ahead while it needs nothing from the region), on
/// plain threads, each thread taking a share of the fleets. It measures what the simulated day costs beyond
/// its grain calls. Every slot a fleet asks for is granted at its next step, as a region without capacity
/// limits grants it; images are not built, copied or shared (a fleet starts on a stand-in for its image,
/// whose instances run the newest agent), and the scenario's timeline is not played.
/// </summary>
public static class FleetWorkBenchmark
{
    private static readonly TimeSpan StartLead = TimeSpan.FromHours(1);

    /// <param name="runAhead">Whether fleets run ahead while they need nothing from their region, as the simulation runs them, or answer one step at a time.</param>
    public static FleetWorkMeasurement Run(IReadOnlyList<FleetWorkload> workloads, SimulationTimings timings, int seed, DateTimeOffset start, TimeSpan step, int steps, int threads, bool runAhead)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var fleets = workloads.Select(workload => SimulatedFleet.Start(workload, timings, seed, start)).ToArray();
        GC.Collect();
        GC.WaitForPendingFinalizers();

        var paused = GC.GetTotalPauseDuration();
        var processor = Environment.CpuUsage.TotalTime;
        var allocated = GC.GetTotalAllocatedBytes();
        var watch = Stopwatch.StartNew();
        var share = (fleets.Length + threads - 1) / threads;
        var workers = Enumerable.Range(0, threads)
            .Select(part => new Thread(() => RunDay(fleets.AsSpan(Math.Min(fleets.Length, part * share), Math.Max(0, Math.Min(share, fleets.Length - (part * share)))), start, step, steps, runAhead)))
            .ToList();
        workers.ForEach(worker => worker.Start());
        workers.ForEach(worker => worker.Join());
        watch.Stop();

        var end = start + (step * steps);
        var allTotals = fleets.Select(fleet => fleet.Totals(end)).ToList();
        long fingerprint = 17;
        foreach (var totals in allTotals)
        {
            foreach (var value in (ReadOnlySpan<long>)[totals.Attempts, totals.Started, totals.Ended, totals.Refused, totals.PeakSessions, totals.SessionSteps, totals.InUseSteps, totals.RunningSteps])
            {
                fingerprint = unchecked((fingerprint * 31) + value);
            }
        }

        return new FleetWorkMeasurement(
            threads,
            runAhead,
            fleets.Length,
            fleets.Sum(fleet => fleet.Calls),
            fleets.Sum(fleet => fleet.CallsWithRegion),
            allTotals.Sum(totals => totals.Started),
            watch.Elapsed,
            Environment.CpuUsage.TotalTime - processor,
            GC.GetTotalPauseDuration() - paused,
            GC.GetTotalAllocatedBytes() - allocated,
            fingerprint);
    }

    private static void RunDay(Span<SimulatedFleet> fleets, DateTimeOffset start, TimeSpan step, int steps, bool runAhead)
    {
        var end = start + (step * steps);
        for (var i = 1; i <= steps; i++)
        {
            var until = start + (step * i);
            foreach (var fleet in fleets)
            {
                fleet.StepIfCalled(until, step, runAhead ? end : until);
            }
        }
    }

    /// <summary>A fleet as its grain and its region's simulation hold it: the engine, the users, and the last step's answer.</summary>
    private sealed class SimulatedFleet(FleetEngine engine, SimulatedFleetUsers users, DateTimeOffset start) : SteppedFleet(start)
    {
        public long Calls { get; private set; }

        /// <summary>Calls that brought a grant, or whose answer asked for slots or gave some back.</summary>
        public long CallsWithRegion { get; private set; }

        public static SimulatedFleet Start(FleetWorkload workload, SimulationTimings timings, int seed, DateTimeOffset start)
        {
            var key = ResourceKey.Parse(workload.Key);
            var image = key with { Name = workload.Create.ImageName! };
            var (settings, desired) = FleetRequestRules.ForCreate(workload.Create);
            settings = settings with
            {
                ImageName = image.Name,
                ImageKey = image.ToString(),
                ImageArn = image.Arn(ResourceKind.Image),
            };
            var engine = new FleetEngine(new FleetGrainState(), key, start - StartLead) { Timings = timings };
            engine.Create(settings, desired, tags: null);
            if (workload.ScalableTarget is { } target)
            {
                engine.RegisterScalableTarget(target.MinCapacity ?? 0, target.MaxCapacity ?? 0);
                foreach (var policy in workload.Policies)
                {
                    engine.PutScalingPolicy(ScalingRequestRules.Policy(policy));
                }

                foreach (var scheduled in workload.ScheduledActions)
                {
                    var (action, schedule) = ScalingRequestRules.ScheduledAction(scheduled);
                    engine.PutScheduledAction(action, schedule);
                }
            }

            engine.Start();
            engine.SlotsGranted(engine.SlotsToLease, engine.SlotsToLease);
            engine.AdvanceTo(start);
            var users = new SimulatedFleetUsers(key, workload.Users, seed, new SessionSetup { Associated = true }, start);
            return new SimulatedFleet(engine, users, start);
        }

        /// <summary>Calls the fleet if its region would call it at this step; every slot it asks for is granted.</summary>
        public void StepIfCalled(DateTimeOffset until, TimeSpan length, DateTimeOffset runAheadUntil)
        {
            if (!IsCalledAt(until, length))
            {
                return;
            }

            Calls++;
            var step = StepAt(until, length, runAheadUntil);
            Answered(users.Step(engine, step), until);
            SlotsGranted = Last.SlotsWanted;
            if (step.SlotsAsked > 0 || Last.SlotsWanted > 0 || Last.SlotsReturned > 0)
            {
                CallsWithRegion++;
            }
        }

        public FleetTotals Totals(DateTimeOffset end) => users.Totals(engine.Key.ToString(), engine, end);
    }
}
