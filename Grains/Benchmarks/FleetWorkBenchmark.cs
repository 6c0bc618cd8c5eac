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
/// stepped as the region's simulation steps them (a fleet only at steps that reach its next due time), on
/// plain threads, each thread taking a share of the fleets. It measures what the simulated day costs beyond
/// its grain calls. Every slot a fleet asks for is granted at its next step, as a region without capacity
/// limits grants it; images are not built, copied or shared (a fleet starts on a stand-in for its image,
/// whose instances run the newest agent), and the scenario's timeline is not played.
/// </summary>
public static class FleetWorkBenchmark
{
    private static readonly TimeSpan StartLead = TimeSpan.FromHours(1);

    public static FleetWorkMeasurement Run(IReadOnlyList<FleetWorkload> workloads, SimulationTimings timings, int seed, DateTimeOffset start, TimeSpan step, int steps, int threads)
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
            .Select(part => new Thread(() => RunDay(fleets.AsSpan(Math.Min(fleets.Length, part * share), Math.Max(0, Math.Min(share, fleets.Length - (part * share)))), start, step, steps)))
            .ToList();
        workers.ForEach(worker => worker.Start());
        workers.ForEach(worker => worker.Join());
        watch.Stop();

        var end = start + (step * steps);
        long fingerprint = 17;
        foreach (var fleet in fleets)
        {
            var totals = fleet.Totals(end);
            foreach (var value in (ReadOnlySpan<long>)[totals.Attempts, totals.Started, totals.Ended, totals.Refused, totals.PeakSessions, totals.SessionSteps, totals.InUseSteps, totals.RunningSteps])
            {
                fingerprint = unchecked((fingerprint * 31) + value);
            }
        }

        return new FleetWorkMeasurement(
            threads,
            fleets.Length,
            fleets.Sum(fleet => fleet.Steps),
            fleets.Sum(fleet => fleet.StepsWithRegion),
            fleets.Sum(fleet => fleet.Totals(end).Started),
            watch.Elapsed,
            Environment.CpuUsage.TotalTime - processor,
            GC.GetTotalPauseDuration() - paused,
            GC.GetTotalAllocatedBytes() - allocated,
            fingerprint);
    }

    private static void RunDay(Span<SimulatedFleet> fleets, DateTimeOffset start, TimeSpan step, int steps)
    {
        for (var i = 1; i <= steps; i++)
        {
            var until = start + (step * i);
            foreach (var fleet in fleets)
            {
                fleet.StepIfDue(until, step);
            }
        }
    }

    /// <summary>A fleet as its grain and its region's simulation hold it: the engine, the users, and the last step's answer.</summary>
    private sealed class SimulatedFleet(FleetEngine engine, SimulatedFleetUsers users, FleetStepResult last)
    {
        private FleetStepResult _last = last;

        public long Steps { get; private set; }

        /// <summary>Steps that brought a grant, asked for slots or gave some back: those a fleet could not have run without its region.</summary>
        public long StepsWithRegion { get; private set; }

        public static SimulatedFleet Start(FleetWorkload workload, SimulationTimings timings, int seed, DateTimeOffset start)
        {
            var key = ResourceKey.Parse(workload.Key);
            var (settings, desired) = FleetRequestRules.ForCreate(workload.Create);
            settings = settings with
            {
                ImageName = workload.Create.ImageName,
                ImageKey = $"{key.Region}/{key.Owner}/{workload.Create.ImageName}",
                ImageArn = $"arn:aws:appstream:{key.Region}:{key.Owner}:image/{workload.Create.ImageName}",
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
            return new SimulatedFleet(engine, users, new FleetStepResult { Sample = default, InstanceType = settings.InstanceType, NextDue = start, SlotsWanted = engine.SlotsToLease });
        }

        public void StepIfDue(DateTimeOffset until, TimeSpan length)
        {
            if (!_last.IsDueBy(until))
            {
                return;
            }

            Steps++;
            var asked = _last.SlotsWanted;
            _last = users.Step(engine, new FleetStep { Until = until, Length = length, SlotsGranted = asked, SlotsAsked = asked });
            if (asked > 0 || _last.SlotsWanted > 0 || _last.SlotsReturned > 0)
            {
                StepsWithRegion++;
            }
        }

        public FleetTotals Totals(DateTimeOffset end) => users.Totals(engine.Key.ToString(), engine, end);
    }
}
