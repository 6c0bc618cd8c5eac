using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using RegionSim.Benchmarks;
using RegionSim.Client.Cluster;
using RegionSim.Client.Simulation.Reports;
using RegionSim.Client.Simulation.Run;
using RegionSim.Client.Simulation.Scenarios;
using RegionSim.Simulation;
using Spectre.Console;

namespace RegionSim.Client.Bench;

/// <summary>
/// The reference load simulation on an embedded silo: its wall time, sessions per wall second and peak
/// memory; then, on the same silo, as many bare grain calls as the simulation made, step by step in the
/// same shape (the driver calling every region, each region fanning out to as many grains as it called
/// fleets, the clock asking every region's clock), so the two times can be set side by side. With
/// <paramref name="runAhead"/> false, fleets are called at every step they have something due instead of
/// running ahead: more calls for the same day.
/// </summary>
public sealed class SimulationBenchmark(ScenarioPlan plan, bool runAhead = true)
{
    public async Task<SimulationBenchmarkResult> RunAsync(CancellationToken cancellationToken)
    {
        await using var silo = await EmbeddedSilo.StartAsync(cancellationToken, plan.Start - SimulationSetup.Lead(plan));
        var result = await new SimulationRunner(plan, silo.Grains, runAhead).RunAsync(new NoProgress(), cancellationToken);
        var summary = SimulationSummary.Of(result);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var peakMemory = process.PeakWorkingSet64;

        var regions = result.RegionSeries.Keys.Order(StringComparer.Ordinal).ToList();
        await BareStepsAsync(silo.Grains, regions, result, steps: Math.Min(60, plan.Steps));
        var pausedBefore = GC.GetTotalPauseDuration();
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var watch = Stopwatch.StartNew();
        var bareCalls = await BareStepsAsync(silo.Grains, regions, result, plan.Steps);
        var bareTime = watch.Elapsed;
        var barePaused = GC.GetTotalPauseDuration() - pausedBefore;
        var bareCpu = Environment.CpuUsage.TotalTime - cpuBefore;
        var bareAllocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        var replayed = await ReplayedDayAsync(cancellationToken);

        return new SimulationBenchmarkResult(runAhead ? plan.Name : $"{plan.Name}, step by step", summary.Overall.SessionsStarted, result.Measurements.SetupWallTime, result.Measurements.StepsWallTime,
            result.Measurements.StepsGarbageCollectionPause, result.Measurements.StepsProcessorTime, result.Measurements.StepsAllocatedBytes,
            result.Measurements.StepsCollections, result.Measurements.StepsMethodsCompiled, result.Measurements.StepsCompilationTime,
            result.Measurements.GrainCalls, bareCalls, bareTime, barePaused, bareCpu, bareAllocated, peakMemory, replayed);
    }

    /// <summary>
    /// The day once more on a new silo, its fleets' answers recorded; then on another, given back from the
    /// record without calling the fleets (<see cref="RecordedFleetSteps"/>): the day without the fleets' own
    /// work. This process has compiled the day's code by then, as it has for the bare calls.
    /// </summary>
    private async Task<ReplayedDay> ReplayedDayAsync(CancellationToken cancellationToken)
    {
        var steps = new RecordedFleetSteps();
        await RunDayAsync(steps, cancellationToken);
        steps.Replaying = true;
        var replay = await RunDayAsync(steps, cancellationToken);
        return new ReplayedDay(replay.StepsWallTime, replay.StepsProcessorTime, replay.GrainCalls, steps.Replayed, steps.Unrecorded);
    }

    private async Task<RunMeasurements> RunDayAsync(RecordedFleetSteps steps, CancellationToken cancellationToken)
    {
        await using var silo = await EmbeddedSilo.StartAsync(cancellationToken, plan.Start - SimulationSetup.Lead(plan), services => services.AddSingleton<IIncomingGrainCallFilter>(steps));
        return (await new SimulationRunner(plan, silo.Grains, runAhead).RunAsync(new NoProgress(), cancellationToken)).Measurements;
    }

    /// <summary>Makes, step by step, the grain calls the simulation made, to grains that do nothing; answers how many.</summary>
    private static async Task<long> BareStepsAsync(IGrainFactory grains, IReadOnlyList<string> regions, SimulationResult result, int steps)
    {
        long calls = 0;
        var clock = grains.GetGrain<IBareCallGrain>("clock");
        for (var step = 0; step < steps; step++)
        {
            var perRegion = result.Measurements.RegionCallsPerStep[step];
            var fanOuts = new Task<int>[regions.Count + 1];
            for (var i = 0; i < regions.Count; i++)
            {
                fanOuts[i] = grains.GetGrain<IBareCallGrain>(regions[i]).FanOutAsync(perRegion[i]);
                calls += 1 + perRegion[i];
            }

            fanOuts[regions.Count] = clock.FanOutAsync(result.Measurements.ClockCallsPerStep - 1);
            calls += result.Measurements.ClockCallsPerStep;
            await Task.WhenAll(fanOuts);
        }

        return calls;
    }

    private sealed class NoProgress : ISimulationProgress
    {
        public void Stepped(int steps, DateTimeOffset simulatedTime, FleetSample total)
        {
        }
    }
}

public sealed record SimulationBenchmarkResult(
    string Scenario, long Sessions, TimeSpan SetupTime, TimeSpan SimulationTime, TimeSpan SimulationPaused, TimeSpan SimulationProcessorTime, long SimulationAllocatedBytes,
    IReadOnlyList<int> SimulationCollections, long SimulationMethodsCompiled, TimeSpan SimulationCompilationTime,
    long GrainCalls, long BareCalls, TimeSpan BareTime, TimeSpan BarePaused, TimeSpan BareProcessorTime, long BareAllocatedBytes, long PeakMemoryBytes,
    ReplayedDay Replayed)
{
    public double Ratio => SimulationTime / BareTime;

    /// <summary>What the day costs beyond its fleets' own work, in bare calls' times.</summary>
    public double ReplayedRatio => Replayed.WallTime / BareTime;

    /// <summary>The wall time left for the fleets' own work if the day is to take at most twice the bare calls.</summary>
    public TimeSpan FleetsAllowance => (2 * BareTime) - Replayed.WallTime;

    public void Show()
    {
        var table = new Table().Title($"regionsim bench simulation: {Scenario}").AddColumns("measure", "value", "target");
        table.AddRow("simulated day (wall)", $"{SimulationTime.TotalSeconds:F1} s ({SimulationProcessorTime.TotalSeconds:F1} s of CPU, {SimulationPaused.TotalSeconds:F1} s paused for GC)", "≤ 10 s");
        table.AddRow("allocated in the day", Gib(SimulationAllocatedBytes), "");
        table.AddRow("collections in the day (gen 0, 1, 2)", string.Join(", ", SimulationCollections), "");
        table.AddRow("compiled in the day (JIT)", $"{SimulationMethodsCompiled:N0} methods, {SimulationCompilationTime.TotalSeconds:F1} s", "");
        table.AddRow("setup before the day (wall)", $"{SetupTime.TotalSeconds:F1} s", "");
        table.AddRow("sessions started", $"{Sessions:N0}", "≥ 1,000,000");
        table.AddRow("sessions per wall second", $"{Sessions / SimulationTime.TotalSeconds:N0}", "");
        table.AddRow("peak memory (working set)", $"{PeakMemoryBytes / (1024.0 * 1024 * 1024):F2} GiB", "≤ 2 GiB");
        table.AddRow("grain calls made by the day", $"{GrainCalls:N0}", "");
        table.AddRow("as many bare grain calls (wall)", $"{BareTime.TotalSeconds:F1} s ({BareCalls:N0} calls; {BareProcessorTime.TotalSeconds:F1} s of CPU, {BarePaused.TotalSeconds:F1} s paused for GC)", "");
        table.AddRow("allocated by the bare calls", Gib(BareAllocatedBytes), "");
        table.AddRow("simulation ÷ bare calls", $"{Ratio:F2}", "≤ 2");
        table.AddRow("the day, fleets' answers replayed (wall)", $"{Replayed.WallTime.TotalSeconds:F1} s ({Replayed.ProcessorTime.TotalSeconds:F1} s of CPU; {Replayed.GrainCalls:N0} calls, {Replayed.Answers:N0} answered from the record)", "");
        table.AddRow("replayed day ÷ bare calls", $"{ReplayedRatio:F2}", "");
        table.AddRow("the fleets' own work (day − replayed day)", $"{(SimulationTime - Replayed.WallTime).TotalSeconds:F1} s", $"≤ {Math.Max(0, FleetsAllowance.TotalSeconds):F1} s");
        AnsiConsole.Write(table);
        if (Replayed.Unrecorded > 0 || Replayed.GrainCalls != GrainCalls)
        {
            AnsiConsole.MarkupLine($"[red]The replayed day strayed from the recorded one: {Replayed.Unrecorded:N0} steps had no recorded answer, and it made {Replayed.GrainCalls:N0} grain calls against {GrainCalls:N0}.[/]");
        }
    }

    private static string Gib(long bytes) => $"{bytes / (1024.0 * 1024 * 1024):F2} GiB";
}

/// <summary>The day with its fleets' answers given back from a record (<see cref="RecordedFleetSteps"/>).</summary>
public sealed record ReplayedDay(TimeSpan WallTime, TimeSpan ProcessorTime, long GrainCalls, long Answers, long Unrecorded);
