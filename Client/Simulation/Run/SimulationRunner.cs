using System.Collections.Concurrent;
using System.Diagnostics;
using RegionSim.Client.Cluster;
using RegionSim.Client.Simulation.Scenarios;
using RegionSim.Simulation;
using RegionSim.Time;

namespace RegionSim.Client.Simulation.Run;

/// <summary>
/// Runs a scenario on a silo or cluster whose clock nothing else moves: the setup, then the day step by
/// step — the timeline's events due at the step's start, every region's fleets stepped in parallel, the
/// simulation clock moved to the step's end — then every fleet's totals. On a cluster it survives a silo's
/// death: calls the death interrupts are tried again, and a region whose step it interrupted is recovered
/// (<see cref="RecoverAsync"/>) and its step run again. Fleets run ahead of their region while they need nothing
/// from it, unless <paramref name="runAhead"/> is false: then each is called at every step it has something
/// due, for benchmarks that compare the two (the reports are the same either way).
/// </summary>
public sealed class SimulationRunner(ScenarioPlan plan, IGrainFactory grains, bool runAhead = true)
{
    /// <summary>Moving the clock a step: the call itself, and the clock asking each region's clock what it has due.</summary>
    private static readonly int ClockCallsPerStep = 1 + Regions.AwsRegions.Codes.Count;

    // Grain references are made once: making one resolves its interface's type every time, at every step.
    private readonly ConcurrentDictionary<string, IRegionSimulationGrain> _regionSimulations = new(StringComparer.Ordinal);

    private ISimulationClockGrain Clock { get; } = grains.GetGrain<ISimulationClockGrain>(ISimulationClockGrain.Key);

    public async Task<SimulationResult> RunAsync(ISimulationProgress progress, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await new SimulationSetup(plan, grains).RunAsync(cancellationToken);
        var start = await StartOfDayAsync();
        await Task.WhenAll(plan.Fleets.Where(f => f.Users is not null)
            .Select(f => grains.GetGrain<IFleetSimulationGrain>(f.Key).AttachUsersAsync(f.Users!, plan.Seed, start)));
        var regions = plan.Fleets.Where(f => f.Users is not null).GroupBy(f => f.Region).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        await Task.WhenAll(regions.Select(region => RegionSimulation(region.Key).BeginAsync(region.Select(f => f.Key).ToList(), start)));
        var setupTime = watch.Elapsed;

        watch.Restart();
        var pausedBefore = GC.GetTotalPauseDuration();
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var collectionsBefore = Collections();
        var compiledBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
        var compilationBefore = System.Runtime.JitInfo.GetCompilationTime();
        var series = regions.ToDictionary(r => r.Key, _ => new FleetSample[plan.Steps], StringComparer.Ordinal);
        var timeline = new SimulationTimeline(grains);
        var outcomes = new List<TimelineOutcome>();
        var pending = new Queue<PlannedEvent>(plan.Timeline);
        long regionGrainCalls = 0, grainCalls = 0, peakWorkingSet = 0;
        var regionCalls = new int[plan.Steps][];
        var recoveries = new List<SimulationRecovery>();
        for (var step = 0; step < plan.Steps; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var from = start + (plan.Step * step);
            var until = from + plan.Step;
            while (pending.TryPeek(out var next) && start + next.At <= from)
            {
                var planned = pending.Dequeue();
                outcomes.Add(await Transient.RetryAsync(() => timeline.RunAsync(planned)));
            }

            var runAheadUntil = runAhead ? RunAheadLimit(start, pending) : until;
            var results = await Task.WhenAll(regions.Select(region => StepRegionAsync(region, step, from, until, runAheadUntil, recoveries)));
            await Transient.RetryAsync(() => Clock.AdvanceToAsync(until));

            var total = default(FleetSample);
            regionCalls[step] = new int[regions.Count];
            for (var i = 0; i < regions.Count; i++)
            {
                series[regions[i].Key][step] = results[i].Sample;
                total += results[i].Sample;
                regionCalls[step][i] = results[i].GrainCalls;
                regionGrainCalls += results[i].GrainCalls;
            }

            grainCalls += regions.Count + ClockCallsPerStep;
            if (step % 60 == 0)
            {
                peakWorkingSet = Math.Max(peakWorkingSet, Environment.WorkingSet);
            }

            progress.Stepped(step + 1, until, total);
        }

        var stepsTime = watch.Elapsed;
        var paused = GC.GetTotalPauseDuration() - pausedBefore;
        var cpu = Environment.CpuUsage.TotalTime - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        var collections = Collections().Zip(collectionsBefore, (after, before) => after - before).ToList();
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount() - compiledBefore;
        var compilation = System.Runtime.JitInfo.GetCompilationTime() - compilationBefore;
        var end = start + (plan.Step * plan.Steps);
        var simulated = plan.Fleets.Where(f => f.Users is not null).ToList();
        var totals = await Task.WhenAll(simulated.Select(fleet => TotalsAsync(fleet, end, recoveries)));
        await Task.WhenAll(simulated.Select(fleet => Transient.RetryAsync(() => grains.GetGrain<IFleetSimulationGrain>(fleet.Key).DetachUsersAsync())));
        return new SimulationResult
        {
            Plan = plan,
            Start = start,
            RegionSeries = series,
            Fleets = totals.OrderBy(t => t.Fleet, StringComparer.Ordinal).ToList(),
            Timeline = outcomes,
            Recoveries = recoveries,
            Measurements = new RunMeasurements
            {
                SetupWallTime = setupTime,
                StepsWallTime = stepsTime,
                StepsGarbageCollectionPause = paused,
                StepsProcessorTime = cpu,
                StepsAllocatedBytes = allocated,
                StepsCollections = collections,
                StepsMethodsCompiled = compiled,
                StepsCompilationTime = compilation,
                RegionGrainCalls = regionGrainCalls,
                GrainCalls = grainCalls + regionGrainCalls,
                PeakWorkingSetBytes = Math.Max(peakWorkingSet, Environment.WorkingSet),
                RegionCallsPerStep = regionCalls,
                ClockCallsPerStep = ClockCallsPerStep,
            },
        };
    }

    private static int[] Collections() => [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];

    /// <summary>
    /// How far fleets may run ahead: to the start of the step at which the timeline's next event happens (its
    /// effects must find every fleet there), or to the end of the run.
    /// </summary>
    private DateTimeOffset RunAheadLimit(DateTimeOffset start, Queue<PlannedEvent> pending)
    {
        var steps = pending.TryPeek(out var next) ? (int)Math.Ceiling(next.At / plan.Step) : plan.Steps;
        return start + (plan.Step * Math.Min(steps, plan.Steps));
    }

    /// <summary>The scenario's start when the clock has not passed it (an embedded silo started early for the setup), else the next whole minute.</summary>
    private async Task<DateTimeOffset> StartOfDayAsync()
    {
        var now = await Clock.GetNowAsync();
        if (now <= plan.Start)
        {
            return await Clock.AdvanceToAsync(plan.Start);
        }

        var minute = TimeSpan.TicksPerMinute;
        return await Clock.AdvanceToAsync(new DateTimeOffset((now.UtcTicks + minute - 1) / minute * minute, TimeSpan.Zero));
    }

    /// <summary>A region's step; if a silo's death interrupts it, the region is recovered and the step tried again until it goes through.</summary>
    private async Task<RegionStepResult> StepRegionAsync(IGrouping<string, PlannedFleet> region, int step, DateTimeOffset from, DateTimeOffset until, DateTimeOffset runAheadUntil, List<SimulationRecovery> recoveries)
    {
        var deadline = DateTime.UtcNow + RecoveryPatience;
        while (true)
        {
            try
            {
                return await RegionSimulation(region.Key).StepAsync(until, runAheadUntil);
            }
            catch (Exception error) when (Transient.IsTransient(error) && DateTime.UtcNow < deadline)
            {
                var restarted = await RecoverAsync(region, from);
                lock (recoveries)
                {
                    recoveries.Add(new SimulationRecovery(step, region.Key, restarted, error.GetBaseException().Message));
                }
            }
        }
    }

    /// <summary>How long a step may take to go through again after a silo's death (the death declared, calls that went to it timed out).</summary>
    private static readonly TimeSpan RecoveryPatience = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Brings a region back to the start of the step <paramref name="from"/>: its simulation begun again (which
    /// waits for a step still running on it to end, and forgets grants not yet handed on); each fleet resumed,
    /// which gives a fleet that lost its users with the silo new ones from <paramref name="from"/> and settles
    /// every fleet's slots with the region. Fleets that had run the step answer it again without running it
    /// twice. Answers the fleets that started over.
    /// </summary>
    private async Task<IReadOnlyList<string>> RecoverAsync(IGrouping<string, PlannedFleet> region, DateTimeOffset from)
    {
        await Transient.RetryAsync(() => RegionSimulation(region.Key).BeginAsync(region.Select(f => f.Key).ToList(), from), RecoveryPatience);
        var resumed = await Task.WhenAll(region.Select(async fleet =>
            await Transient.RetryAsync(() => grains.GetGrain<IFleetSimulationGrain>(fleet.Key).ResumeAsync(fleet.Users!, plan.Seed, from), RecoveryPatience) ? fleet.Key : null));
        return resumed.OfType<string>().Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>A fleet's totals; a fleet that lost its users after its last step starts over with none to count.</summary>
    private async Task<FleetTotals> TotalsAsync(PlannedFleet fleet, DateTimeOffset end, List<SimulationRecovery> recoveries)
    {
        var simulation = grains.GetGrain<IFleetSimulationGrain>(fleet.Key);
        return await Transient.RetryAsync(async () =>
        {
            try
            {
                return await simulation.GetTotalsAsync(end);
            }
            catch (SimulationStateLostException error)
            {
                await simulation.ResumeAsync(fleet.Users!, plan.Seed, end);
                lock (recoveries)
                {
                    recoveries.Add(new SimulationRecovery(plan.Steps, fleet.Region, [fleet.Key], error.Message));
                }

                throw;
            }
        }, RecoveryPatience);
    }

    private IRegionSimulationGrain RegionSimulation(string region) =>
        _regionSimulations.GetOrAdd(region, static (key, factory) => factory.GetGrain<IRegionSimulationGrain>(key), grains);
}

/// <summary>Told after every step, for a progress bar.</summary>
public interface ISimulationProgress
{
    void Stepped(int steps, DateTimeOffset simulatedTime, FleetSample total);
}
