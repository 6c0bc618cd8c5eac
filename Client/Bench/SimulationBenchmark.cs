using System.Diagnostics;
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
/// fleets, the clock asking every region's clock), so the two times can be set side by side.
/// </summary>
public sealed class SimulationBenchmark(ScenarioPlan plan)
{
    public async Task<SimulationBenchmarkResult> RunAsync(CancellationToken cancellationToken)
    {
        await using var silo = await EmbeddedSilo.StartAsync(cancellationToken, plan.Start - SimulationSetup.Lead(plan));
        var result = await new SimulationRunner(plan, silo.Grains).RunAsync(new NoProgress(), cancellationToken);
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

        return new SimulationBenchmarkResult(plan.Name, summary.Overall.SessionsStarted, result.Measurements.SetupWallTime, result.Measurements.StepsWallTime,
            result.Measurements.StepsGarbageCollectionPause, result.Measurements.StepsProcessorTime, result.Measurements.StepsAllocatedBytes,
            result.Measurements.StepsCollections, result.Measurements.StepsMethodsCompiled, result.Measurements.StepsCompilationTime,
            result.Measurements.GrainCalls, bareCalls, bareTime, barePaused, bareCpu, bareAllocated, peakMemory);
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
    long GrainCalls, long BareCalls, TimeSpan BareTime, TimeSpan BarePaused, TimeSpan BareProcessorTime, long BareAllocatedBytes, long PeakMemoryBytes)
{
    public double Ratio => SimulationTime / BareTime;

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
        AnsiConsole.Write(table);
    }

    private static string Gib(long bytes) => $"{bytes / (1024.0 * 1024 * 1024):F2} GiB";
}
