using System.CommandLine;
using RegionSim.Client.Bench;
using RegionSim.Client.Cluster;
using RegionSim.Client.Simulation.Scenarios;
using RegionSim.Client.Yaml;
using Spectre.Console;

namespace RegionSim.Client.Commands;

/// <summary><c>regionsim bench</c>: the performance targets, measured.</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var command = new Command("bench", "Measure RegionSim against its performance targets");
        command.Subcommands.Add(Endpoint());
        command.Subcommands.Add(Revocation());
        command.Subcommands.Add(Simulation());
        command.Subcommands.Add(Fleets());
        command.Subcommands.Add(ClusterSimulation());
        return command;
    }

    /// <summary><c>regionsim bench endpoint</c>: the AppStream endpoint's requests per second next to a bare ASP.NET Core endpoint.</summary>
    private static Command Endpoint()
    {
        var seconds = new Option<double>("--seconds") { Description = "Seconds of load per target and round", DefaultValueFactory = _ => 1 };
        var warmup = new Option<double>("--warmup") { Description = "Seconds of warm-up per target before measuring", DefaultValueFactory = _ => 2 };
        var rounds = new Option<int>("--rounds") { Description = "Rounds, each measuring every target once, one after another; medians over the rounds are reported", DefaultValueFactory = _ => 10 };
        var concurrency = new Option<int>("--concurrency") { Description = "Callers sending at once, each on its own keep-alive connection", DefaultValueFactory = _ => 16 };
        var images = new Option<int>("--images") { Description = "Private images of the calling account (DescribeImages answers them with the 16 public ones, 25 a page)", DefaultValueFactory = _ => 5 };
        var fleets = new Option<int>("--fleets") { Description = "RUNNING fleets of the calling account (DescribeFleets answers them all, 50 a page)", DefaultValueFactory = _ => 5 };
        var command = new Command("endpoint", "Requests per second of DescribeImages, DescribeImagePermissions and DescribeFleets with SigV4 over loopback keep-alive, side by side with a bare ASP.NET Core endpoint answering {}")
        {
            seconds, warmup, rounds, concurrency, images, fleets,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            if (result.GetValue(seconds) <= 0 || result.GetValue(warmup) < 0 || result.GetValue(rounds) < 1 || result.GetValue(concurrency) < 1 || result.GetValue(images) < 1
                || result.GetValue(fleets) is < 1 or > 50)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync("regionsim bench endpoint: --seconds, --rounds, --concurrency and --images must be positive, --fleets 1-50 (one page), --warmup not negative.");
                return 2;
            }

            return await new EndpointBenchmark(
                result.GetValue(concurrency),
                TimeSpan.FromSeconds(result.GetValue(seconds)),
                TimeSpan.FromSeconds(result.GetValue(warmup)),
                result.GetValue(rounds),
                result.GetValue(images),
                result.GetValue(fleets)).RunAsync();
        });
        return command;
    }

    /// <summary><c>regionsim bench revocation</c>: the revocation fan-out, image → accounts → fleets, on an embedded silo with the manual clock.</summary>
    private static Command Revocation()
    {
        var accounts = new Option<int>("--accounts") { Description = "Accounts the image is shared with", DefaultValueFactory = _ => 100 };
        var fleets = new Option<int>("--fleets-per-account") { Description = "Fleets each account runs on the image", DefaultValueFactory = _ => 10 };
        var runs = new Option<int>("--runs") { Description = "Measured runs", DefaultValueFactory = _ => 7 };
        var warmUps = new Option<int>("--warm-up") { Description = "Runs before the measured ones, so that the JIT has compiled the revocation's code paths", DefaultValueFactory = _ => 3 };
        var region = new Option<string>("--region") { Description = "The AWS Region", DefaultValueFactory = _ => "us-east-1" };
        var command = new Command("revocation", "Wall time from UpdateImagePermissions (allowFleet off, for every account) until every fleet on the image shows desired capacity 0")
        {
            accounts, fleets, runs, warmUps, region,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var (accountCount, fleetCount, runCount, warmUpCount) = (result.GetValue(accounts), result.GetValue(fleets), result.GetValue(runs), result.GetValue(warmUps));
            if (accountCount is < 1 or > 100 || fleetCount < 1 || runCount < 1 || warmUpCount < 0)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync("regionsim bench revocation: --accounts must be 1-100 (an image is shared with at most 100), --fleets-per-account and --runs at least 1, --warm-up 0 or more.");
                return 2;
            }

            await using var silo = await EmbeddedSilo.StartAsync(cancellationToken);
            var benchmark = new RevocationBenchmark(silo, result.GetValue(region)!, accountCount, fleetCount);
            AnsiConsole.MarkupLine($"One image shared with {accountCount} accounts, {fleetCount} fleets each ({accountCount * fleetCount} fleets); {warmUpCount} warm-up run(s), then {runCount} measured.");
            var all = new List<RevocationRun>();
            for (var run = 1; run <= warmUpCount + runCount; run++)
            {
                all.Add(await benchmark.RunAsync(run));
            }

            Show(all.Take(warmUpCount).ToList(), all.Skip(warmUpCount).ToList());
            return 0;
        });
        return command;
    }

    private static void Show(IReadOnlyList<RevocationRun> warmUps, IReadOnlyList<RevocationRun> runs)
    {
        var table = new Table().AddColumns("run", "fleets", "calls returned (ms)", "all fleets at desired 0 (ms)", "CPU time (ms)", "GCs", "extra polls");
        foreach (var run in warmUps.Concat(runs))
        {
            table.AddRow(warmUps.Contains(run) ? $"warm-up {run.Run}" : run.Run.ToString(System.Globalization.CultureInfo.InvariantCulture), run.Fleets.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Ms(run.CallsReturned), Ms(run.AllFleetsAtZero), Ms(run.CpuTime), run.Collections.ToString(System.Globalization.CultureInfo.InvariantCulture), run.ExtraPolls.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        var times = runs.Select(run => run.AllFleetsAtZero.TotalMilliseconds).Order().ToList();
        var median = times.Count % 2 == 1 ? times[times.Count / 2] : (times[times.Count / 2 - 1] + times[times.Count / 2]) / 2;
        AnsiConsole.MarkupLine($"All fleets at desired 0: median [bold]{median:F1} ms[/], min {times[0]:F1} ms, max {times[^1]:F1} ms over {times.Count} runs (target: 200 ms or less).");
    }

    private static string Ms(TimeSpan time) => time.TotalMilliseconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary><c>regionsim bench simulation</c>: the reference load simulation against as many bare grain calls on the same silo.</summary>
    private static Command Simulation()
    {
        var scenario = new Option<string>("--scenario") { Description = "The scenario to run", DefaultValueFactory = _ => Path.Combine("scenarios", "global-day.yaml") };
        var stepByStep = new Option<bool>("--step-by-step") { Description = "Call each fleet at every step it has something due, instead of letting it run ahead while it needs nothing from its region" };
        var command = new Command("simulation", "The reference day's wall time, sessions per wall second and peak memory, and the time the same silo takes for as many bare grain calls")
        {
            scenario, stepByStep,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            if (await LoadScenarioAsync(result, scenario, "simulation") is not { } plan)
            {
                return 2;
            }

            var measured = await new SimulationBenchmark(plan, runAhead: !result.GetValue(stepByStep)).RunAsync(cancellationToken);
            measured.Show();
            return 0;
        });
        return command;
    }

    /// <summary><c>regionsim bench fleets</c>: the reference scenario's fleets and users alone, without Orleans, on 1 and on 2 threads.</summary>
    private static Command Fleets()
    {
        var scenario = new Option<string>("--scenario") { Description = "The scenario whose fleets and users to run", DefaultValueFactory = _ => Path.Combine("scenarios", "global-day.yaml") };
        var threads = new Option<int[]>("--threads") { Description = "Thread counts to run the fleets on, one run after another", DefaultValueFactory = _ => [1, 2], AllowMultipleArgumentsPerToken = true };
        var command = new Command("fleets", "The fleets' own work in the scenario's day (engines and simulated users stepped as the regions step them), without Orleans, on each thread count")
        {
            scenario, threads,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var counts = result.GetValue(threads)!;
            if (counts.Length == 0 || counts.Any(count => count is < 1 or > 64))
            {
                await result.InvocationConfiguration.Error.WriteLineAsync("regionsim bench fleets: --threads takes thread counts from 1 to 64.");
                return 2;
            }

            if (await LoadScenarioAsync(result, scenario, "fleets") is not { } plan)
            {
                return 2;
            }

            FleetWorkRuns.Show(plan.Name, FleetWorkRuns.Run(plan, counts));
            return 0;
        });
        return command;
    }

    /// <summary><c>regionsim bench cluster</c>: the reference load simulation on an embedded silo, then on local clusters of 1 and 3 silo processes.</summary>
    private static Command ClusterSimulation()
    {
        var scenario = new Option<string>("--scenario") { Description = "The scenario to run", DefaultValueFactory = _ => Path.Combine("scenarios", "global-day.yaml") };
        var redis = new Option<string>("--redis") { Description = "The Redis server the clusters join through (start one with: redis-server --save \"\" --daemonize yes)", DefaultValueFactory = _ => "127.0.0.1:6379" };
        var silos = new Option<int[]>("--silos") { Description = "The cluster sizes to run, one after another", DefaultValueFactory = _ => [1, 3], AllowMultipleArgumentsPerToken = true };
        var command = new Command("cluster", "The reference day on an embedded silo and on local clusters of silo processes (1 and 3 by default), one run after another, with wall and processor times")
        {
            scenario, redis, silos,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var counts = result.GetValue(silos)!;
            if (counts.Length == 0 || counts.Any(count => count is < 1 or > 16))
            {
                await result.InvocationConfiguration.Error.WriteLineAsync("regionsim bench cluster: --silos takes cluster sizes from 1 to 16.");
                return 2;
            }

            if (await LoadScenarioAsync(result, scenario, "cluster") is not { } plan)
            {
                return 2;
            }

            if (!await RedisProbe.AnswersAsync(result.GetValue(redis)!, cancellationToken))
            {
                await result.InvocationConfiguration.Error.WriteLineAsync($"regionsim bench cluster: no Redis server answers at {result.GetValue(redis)}; start one (redis-server --save \"\" --daemonize yes) or name it with --redis.");
                return 2;
            }

            var runs = await new ClusterSimulationBenchmark(plan, result.GetValue(redis)!, counts).RunAsync(cancellationToken);
            ClusterSimulationMeasurement.Show(plan.Name, runs);
            return 0;
        });
        return command;
    }

    /// <summary>The scenario a benchmark runs, or null with the problem told (a missing file, or what is wrong in it and where).</summary>
    private static async Task<ScenarioPlan?> LoadScenarioAsync(ParseResult result, Option<string> scenario, string benchmark)
    {
        try
        {
            return ScenarioCompiler.Load(result.GetValue(scenario)!);
        }
        catch (Exception error) when (error is YamlProblem or FileNotFoundException)
        {
            await result.InvocationConfiguration.Error.WriteLineAsync($"regionsim bench {benchmark}: {error.Message}");
            return null;
        }
    }
}
