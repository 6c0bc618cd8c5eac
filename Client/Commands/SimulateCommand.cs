using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using RegionSim.Client.Cluster;
using RegionSim.Client.Simulation;
using RegionSim.Client.Simulation.Reports;
using RegionSim.Client.Simulation.Run;
using RegionSim.Client.Simulation.Scenarios;
using RegionSim.Client.Yaml;
using RegionSim.Errors;
using RegionSim.Simulation;
using Spectre.Console;

namespace RegionSim.Client.Commands;

/// <summary><c>regionsim simulate scenario.yaml</c>: a load simulation in virtual time, with a report.</summary>
public static class SimulateCommand
{
    public static Command Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "The scenario file (see scenarios/quickstart.yaml)" };
        var output = new Option<string?>("--out") { Description = "The report folder (default reports/<scenario>-<time>)" };
        var seed = new Option<int?>("--seed") { Description = "The random seed (default: the scenario's)" };
        var onCluster = new Option<bool>("--cluster") { Description = "Run on a running silo or cluster (its clock must be manual) instead of an embedded silo" };
        var connection = new ClusterConnection();
        var command = new Command("simulate", "Run a load simulation of a deployment in virtual time and write its report")
        {
            scenario, output, seed, onCluster,
        };
        connection.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            ScenarioPlan plan;
            try
            {
                plan = ScenarioCompiler.Load(result.GetValue(scenario)!);
            }
            catch (Exception error) when (error is YamlProblem or FileNotFoundException)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync($"regionsim simulate: {error.Message}");
                return 2;
            }

            if (result.GetValue(seed) is { } chosen)
            {
                plan = plan with { Seed = chosen };
            }

            var folder = result.GetValue(output) ?? ReportFolder.DefaultFor(plan.Name, DateTimeOffset.Now);
            SimulationResult simulation;
            try
            {
                simulation = await RunAsync(plan, result.GetValue(onCluster) ? connection : null, result, cancellationToken);
            }
            catch (AppStreamException refused)
            {
                // Only the setup calls AppStream operations that can refuse (the timeline records its answers):
                // on a cluster, that is a world already there, from an earlier run on the same storage.
                await result.InvocationConfiguration.Error.WriteLineAsync(
                    $"regionsim simulate: the scenario's world could not be built: {refused.Message} A simulation builds its world " +
                    "from nothing: run it on an embedded silo, or on a cluster whose storage holds nothing of it yet " +
                    "(memory storage, or a --service-id of its own for `cluster up` and for this command).");
                return 1;
            }

            var summary = await ReportFolder.WriteAsync(simulation, folder);
            Show(summary, simulation, folder);
            return 0;
        });
        return command;
    }

    /// <summary>Runs the plan on an embedded silo (started early enough for the setup) or on the cluster the options name.</summary>
    public static async Task<SimulationResult> RunAsync(ScenarioPlan plan, ClusterConnection? cluster, ParseResult? options, CancellationToken cancellationToken)
    {
        if (cluster is not null)
        {
            using var host = await cluster.ConnectAsync(options!, cancellationToken);
            return await WithProgressAsync(plan, host.Services.GetRequiredService<IGrainFactory>(), cancellationToken);
        }

        await using var silo = await EmbeddedSilo.StartAsync(cancellationToken, plan.Start - SimulationSetup.Lead(plan));
        return await WithProgressAsync(plan, silo.Grains, cancellationToken);
    }

    private static async Task<SimulationResult> WithProgressAsync(ScenarioPlan plan, IGrainFactory grains, CancellationToken cancellationToken)
    {
        SimulationResult? result = null;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask($"{plan.Name}: setting up", maxValue: plan.Steps);
                result = await new SimulationRunner(plan, grains).RunAsync(new ProgressBar(task, plan), cancellationToken);
            });
        return result!;
    }

    private static void Show(SimulationSummary summary, SimulationResult result, string folder)
    {
        var table = new Table().Title($"{summary.Scenario}: {summary.Duration} from {summary.Start:yyyy-MM-dd HH:mm} UTC, seed {summary.Seed}")
            .AddColumns("Region", "Fleets", "Attempts", "Started", "Ended", "Refused", "Peak sessions", "Mean sessions", "Utilization");
        foreach (var column in table.Columns.Skip(1))
        {
            column.RightAligned();
        }

        foreach (var region in summary.Regions)
        {
            Row(table, region.Region, region.Fleets, region.Counts);
        }

        Row(table, "[bold]all[/]", summary.Fleets.Count, summary.Overall);
        AnsiConsole.Write(table);
        var m = result.Measurements;
        AnsiConsole.MarkupLine($"Simulated {summary.Duration} in {m.StepsWallTime.TotalSeconds:F1} s of wall time (setup {m.SetupWallTime.TotalSeconds:F1} s); " +
            $"{summary.Overall.SessionsStarted / Math.Max(0.001, m.StepsWallTime.TotalSeconds):N0} sessions per wall second.");
        foreach (var entry in summary.Timeline)
        {
            AnsiConsole.MarkupLine($"  {Markup.Escape(entry.Description)}: {Markup.Escape(entry.Outcome)}");
        }

        foreach (var recovery in result.Recoveries)
        {
            AnsiConsole.MarkupLine($"  [yellow]A silo died:[/] {Markup.Escape(recovery.Region)} recovered at step {recovery.Step + 1}; " +
                $"{recovery.RestartedFleets.Count} fleet(s) lost their simulated users and started over ({Markup.Escape(recovery.Error)}).");
        }

        AnsiConsole.MarkupLine($"Report: [link]{Markup.Escape(Path.Combine(folder, "report.html"))}[/]");
    }

    private static void Row(Table table, string name, int fleets, Counts c) =>
        table.AddRow(name, $"{fleets:N0}", $"{c.ConnectionAttempts:N0}", $"{c.SessionsStarted:N0}", $"{c.SessionsEnded:N0}", $"{c.RefusedForCapacity:N0}",
            $"{c.PeakSessions:N0}", $"{c.MeanSessions:N1}", $"{c.CapacityUtilization:N1}%");

    private sealed class ProgressBar(ProgressTask task, ScenarioPlan plan) : ISimulationProgress
    {
        private long _started;

        public void Stepped(int steps, DateTimeOffset simulatedTime, FleetSample total)
        {
            _started += total.Started;
            SimulationTelemetry.Record(simulatedTime, total);
            task.Value = steps;
            task.Description = $"{plan.Name}: {simulatedTime:HH:mm} simulated, {total.Sessions:N0} in progress, {_started:N0} started";
        }
    }
}
