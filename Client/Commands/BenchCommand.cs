using System.CommandLine;
using RegionSim.Client.Bench;

namespace RegionSim.Client.Commands;

/// <summary><c>regionsim bench</c>: the performance targets, measured.</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var command = new Command("bench", "Measure RegionSim against its performance targets");
        command.Subcommands.Add(Endpoint());
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
        var command = new Command("endpoint", "Requests per second of DescribeImages and DescribeImagePermissions with SigV4 over loopback keep-alive, side by side with a bare ASP.NET Core endpoint answering {}")
        {
            seconds, warmup, rounds, concurrency, images,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            if (result.GetValue(seconds) <= 0 || result.GetValue(warmup) < 0 || result.GetValue(rounds) < 1 || result.GetValue(concurrency) < 1 || result.GetValue(images) < 1)
            {
                await Console.Error.WriteLineAsync("regionsim bench endpoint: --seconds, --rounds, --concurrency and --images must be positive, --warmup not negative.");
                return 2;
            }

            return await new EndpointBenchmark(
                result.GetValue(concurrency),
                TimeSpan.FromSeconds(result.GetValue(seconds)),
                TimeSpan.FromSeconds(result.GetValue(warmup)),
                result.GetValue(rounds),
                result.GetValue(images)).RunAsync();
        });
        return command;
    }
}
