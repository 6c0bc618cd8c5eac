using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using RegionSim.Client.Cluster;
using RegionSim.Client.Simulation.Reports;
using RegionSim.Client.Simulation.Run;
using RegionSim.Client.Simulation.Scenarios;
using RegionSim.Simulation;
using Spectre.Console;

namespace RegionSim.Client.Bench;

/// <summary>
/// The reference load simulation, one run after another on this machine: on an embedded silo (the baseline),
/// then on local clusters of silo processes joined through Redis (memory storage, the driver in this
/// process as <c>regionsim simulate --cluster</c> runs it). Each cluster is started fresh, with its clock at
/// the same moment before the scenario's start as the embedded silo's, so every run should give the same summary.
/// </summary>
public sealed class ClusterSimulationBenchmark(ScenarioPlan plan, string redis, IReadOnlyList<int> siloCounts)
{
    public async Task<IReadOnlyList<ClusterSimulationMeasurement>> RunAsync(CancellationToken cancellationToken)
    {
        var measurements = new List<ClusterSimulationMeasurement>();
        await using (var silo = await EmbeddedSilo.StartAsync(cancellationToken, plan.Start - SimulationSetup.Lead(plan)))
        {
            measurements.Add(await MeasureAsync("embedded silo", plan, silo.Grains, [], cancellationToken));
        }

        foreach (var count in siloCounts)
        {
            var id = $"bench-{Guid.NewGuid():N}";
            await using var cluster = await LocalCluster.StartAsync(new LocalClusterOptions
            {
                Silos = count,
                Redis = redis,
                Storage = "memory",
                ClusterId = id,
                ServiceId = id,
                Ports = LocalCluster.FreeSiloPorts(count),
                SiloArguments = ["--clock", "manual", "--start", (plan.Start - SimulationSetup.Lead(plan)).ToString("O")],
                LogDirectory = Path.Combine(".regionsim", "bench", id),
            }, cancellationToken);
            using var client = await ClusterConnection.ConnectThroughRedisAsync(redis, id, id, cancellationToken);
            var processes = cluster.Silos.Select(silo => silo.Process).ToList();
            measurements.Add(await MeasureAsync(count == 1 ? "1 silo" : $"{count} silos", plan, client.Services.GetRequiredService<IGrainFactory>(), processes, cancellationToken));
            await client.StopAsync(cancellationToken);
        }

        return measurements;
    }

    private static async Task<ClusterSimulationMeasurement> MeasureAsync(string name, ScenarioPlan plan, IGrainFactory grains, IReadOnlyList<Process> silos, CancellationToken cancellationToken)
    {
        var processor = new DayProcessorTime(plan.Steps, silos);
        var result = await new SimulationRunner(plan, grains).RunAsync(processor, cancellationToken);
        var summary = SimulationSummary.Of(result);
        var away = silos.Count == 0 ? 0 : await FleetsAwayFromTheirRegionAsync(plan, grains);
        foreach (var silo in silos)
        {
            silo.Refresh();
        }

        return new ClusterSimulationMeasurement(
            name,
            result.Measurements.SetupWallTime,
            result.Measurements.StepsWallTime,
            processor.Driver,
            processor.Silos,
            summary.Overall.SessionsStarted,
            silos.Sum(silo => silo.PeakWorkingSet64),
            away,
            plan.Fleets.Count(f => f.Users is not null),
            summary.ToJson());
    }

    /// <summary>
    /// How many simulated fleets are active on another silo than their region's simulation, which steps them:
    /// each of their steps is a message between processes (serialized, sent, answered) rather than a call within one.
    /// </summary>
    private static async Task<int> FleetsAwayFromTheirRegionAsync(ScenarioPlan plan, IGrainFactory grains)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        var away = 0;
        foreach (var region in plan.Fleets.Where(f => f.Users is not null).GroupBy(f => f.Region))
        {
            var stepper = await management.GetActivationAddress(grains.GetGrain<IRegionSimulationGrain>(region.Key));
            foreach (var fleet in region)
            {
                var host = await management.GetActivationAddress(grains.GetGrain<IFleetSimulationGrain>(fleet.Key));
                away += host is not null && !host.Equals(stepper) ? 1 : 0;
            }
        }

        return away;
    }

    /// <summary>
    /// Processor time of the driver (this process, which hosts the embedded silo when there is one) and of
    /// the silo processes between the first step's end and the last's, the part of the day the wall time
    /// column is about.
    /// </summary>
    private sealed class DayProcessorTime(int steps, IReadOnlyList<Process> silos) : ISimulationProgress
    {
        private TimeSpan _driverAtFirst;
        private TimeSpan _silosAtFirst;

        public TimeSpan Driver { get; private set; }

        public TimeSpan Silos { get; private set; }

        public void Stepped(int done, DateTimeOffset simulatedTime, FleetSample total)
        {
            if (done == 1)
            {
                (_driverAtFirst, _silosAtFirst) = (Environment.CpuUsage.TotalTime, SilosNow());
            }
            else if (done == steps)
            {
                (Driver, Silos) = (Environment.CpuUsage.TotalTime - _driverAtFirst, SilosNow() - _silosAtFirst);
            }
        }

        private TimeSpan SilosNow() => silos.Aggregate(TimeSpan.Zero, (sum, silo) =>
        {
            silo.Refresh();
            return sum + silo.TotalProcessorTime;
        });
    }
}

public sealed record ClusterSimulationMeasurement(
    string Name, TimeSpan SetupTime, TimeSpan DayTime, TimeSpan DriverProcessorTime, TimeSpan SilosProcessorTime, long Sessions, long SilosPeakMemoryBytes, int FleetsAway, int Fleets, string Summary)
{
    public static void Show(string scenario, IReadOnlyList<ClusterSimulationMeasurement> runs)
    {
        var baseline = runs[0];
        var table = new Table().Title($"regionsim bench cluster: {scenario}")
            .AddColumns("run", "setup", "day", "÷ embedded", "day's CPU: driver + silos", "sessions/s", "silos' peak", "fleets away", "summary");
        foreach (var run in runs)
        {
            table.AddRow(
                run.Name,
                $"{run.SetupTime.TotalSeconds:F1} s",
                $"{run.DayTime.TotalSeconds:F1} s",
                $"{run.DayTime / baseline.DayTime:F2}",
                $"{run.DriverProcessorTime.TotalSeconds:F1} s + {run.SilosProcessorTime.TotalSeconds:F1} s",
                $"{run.Sessions / run.DayTime.TotalSeconds:N0}",
                run.SilosPeakMemoryBytes == 0 ? "-" : $"{run.SilosPeakMemoryBytes / (1024.0 * 1024 * 1024):F2} GiB",
                $"{run.FleetsAway:N0} of {run.Fleets:N0}",
                run.Summary == baseline.Summary ? "same" : "DIFFERS");
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"Wall times of the setup and of the simulated day; the driver is this process (it hosts the embedded silo); "
            + "fleets away: simulated fleets active on another silo than their region's simulation, which steps them; "
            + $"summary: whether summary.json is byte for byte the embedded run's ({baseline.Sessions:N0} sessions). "
            + $"{Environment.ProcessorCount} processors serve the driver and every silo.");
    }
}
