using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using RegionSim.Fleets;
using RegionSim.Images;
using RegionSim.Resources;
using RegionSim.Silo.Authentication;
using RegionSim.Silo.Hosting;
using RegionSim.Time;
using Spectre.Console;

namespace RegionSim.Client.Bench;

/// <summary>
/// <c>regionsim bench endpoint</c>: requests per second of AppStream operations on a silo started here
/// (manual clock, demo accounts), side by side with a bare ASP.NET Core endpoint answering <c>{}</c>,
/// with the same load client, concurrency and SigV4 signing for both, in rounds that alternate them.
/// </summary>
public sealed class EndpointBenchmark(int concurrency, TimeSpan duration, TimeSpan warmup, int rounds, int privateImages, int fleets)
{
    private const string Owner = "111111111111";
    private const string Recipient = "222222222222";
    private const string Newcomer = "333333333333";
    private const string Region = "us-east-1";
    private const string BaseImage = "AppStream-WinServer2019-10-08-2024";

    public async Task<int> RunAsync()
    {
        await using var silo = RegionSimHost.Build([], options =>
        {
            options.Clock = ClockMode.Manual;
            options.HttpUrl = "http://127.0.0.1:0";
            options.SiloPort = FreePort();
            options.GatewayPort = FreePort();
            options.ClusterId = $"bench-{Guid.NewGuid():N}";
        });
        await silo.StartAsync();
        await using var bare = await BareEndpoint.StartAsync();
        try
        {
            return await MeasureAsync(silo, bare);
        }
        finally
        {
            await bare.StopAsync();
            await silo.StopAsync();
        }
    }

    private async Task<int> MeasureAsync(WebApplication silo, WebApplication bare)
    {
        var grains = silo.Services.GetRequiredService<IGrainFactory>();
        var imageName = await MakeImagesAsync(grains);
        await MakeFleetsAsync(grains);

        var siloUrl = new Uri(silo.Urls.Single());
        var bareUrl = new Uri(bare.Urls.Single());
        var owner = new SigV4Signer(Owner, AccessKeys.DemoSecret, Region);
        var newcomer = new SigV4Signer(Newcomer, AccessKeys.DemoSecret, Region);
        var recipient = new SigV4Signer(Recipient, AccessKeys.DemoSecret, Region);
        var targets = new (string Name, Uri Endpoint, SigV4Signer Signer, string Operation, string Body)[]
        {
            ("bare ASP.NET Core {}", bareUrl, owner, "DescribeImages", "{}"),
            ("DescribeImages, 16 public", siloUrl, newcomer, "DescribeImages", "{}"),
            ($"DescribeImages, 16 public + {privateImages} private", siloUrl, owner, "DescribeImages", "{}"),
            ("DescribeImagePermissions", siloUrl, owner, "DescribeImagePermissions", $$"""{"Name": "{{imageName}}"}"""),
            ("DescribeFleets, 1 fleet", siloUrl, recipient, "DescribeFleets", "{}"),
            ($"DescribeFleets, {fleets} fleets", siloUrl, owner, "DescribeFleets", "{}"),
        };

        using var client = new LoadClient(concurrency);
        AnsiConsole.MarkupLine($"[grey]{concurrency} callers, {rounds} round(s) of {duration.TotalSeconds:0.#} s per target after {warmup.TotalSeconds:0.#} s of warm-up; " +
            $"accounts {Newcomer} (no images of its own), {Owner} ({privateImages} private images, one shared; {fleets} RUNNING fleets) and {Recipient} (1 RUNNING fleet) in {Region}; {Environment.ProcessorCount} cores[/]");
        foreach (var (_, endpoint, signer, operation, body) in targets)
        {
            await client.RunAsync(endpoint, signer, operation, body, warmup);
        }

        var results = targets.ToDictionary(t => t.Name, _ => new List<LoadResult>());
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (name, endpoint, signer, operation, body) in targets)
            {
                var result = await client.RunAsync(endpoint, signer, operation, body, duration);
                if (result.Failures > 0)
                {
                    AnsiConsole.MarkupLineInterpolated($"[red]{name}: {result.Failures} failed requests, e.g. {result.FirstFailure}[/]");
                    return 1;
                }

                results[name].Add(result);
            }
        }

        Report(targets.Select(t => t.Name).ToList(), results);
        return 0;
    }

    /// <summary>
    /// Medians over the rounds. The ratio to bare is taken within each round (the targets of a round
    /// run one after another), so that load from other processes on the machine, which drifts from
    /// round to round, weighs on both sides of each ratio.
    /// </summary>
    private static void Report(IReadOnlyList<string> names, Dictionary<string, List<LoadResult>> results)
    {
        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }

        var bare = results[names[0]];
        var table = new Table().AddColumns("target", "requests/s", "of bare", "p50", "p99", "CPU/request");
        foreach (var name in names)
        {
            var runs = results[name];
            table.AddRow(
                Markup.Escape(name),
                $"{Median(runs.Select(r => r.RequestsPerSecond)):0}",
                $"{Median(runs.Select((r, round) => r.RequestsPerSecond / bare[round].RequestsPerSecond)):P0}",
                $"{Median(runs.Select(r => r.P50.TotalMilliseconds)):0.00} ms",
                $"{Median(runs.Select(r => r.P99.TotalMilliseconds)):0.00} ms",
                $"{Median(runs.Select(r => r.CpuPerRequest.TotalMicroseconds)):0} µs");
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine("[grey]Medians over the rounds; \"of bare\" is the median of each round's ratio. CPU/request: this process's CPU time (load client, silo and bare endpoint) per request.[/]");
    }

    /// <summary>Private images of the owner, the first shared with the recipient; answers the first's name.</summary>
    private async Task<string> MakeImagesAsync(IGrainFactory grains)
    {
        var content = await grains.GetImage(ResourceKey.Public(Region, BaseImage)).GetContentAsync(Owner);
        var names = Enumerable.Range(1, Math.Max(1, privateImages)).Select(i => $"bench-image-{i:00}").ToList();
        foreach (var name in names)
        {
            await grains.GetImage(Region, Owner, name).CreateAsync(new NewImage { Content = content, Description = "made by regionsim bench endpoint" });
        }

        var clock = grains.GetGrain<ISimulationClockGrain>(ISimulationClockGrain.Key);
        await clock.AdvanceByAsync((await clock.GetTimingsAsync()).ImageCreation);
        await grains.GetImage(Region, Owner, names[0]).UpdatePermissionsAsync(Owner, new UpdateImagePermissionsRequest
        {
            Name = names[0],
            SharedAccountId = Recipient,
            ImagePermissions = new ImagePermissions { AllowFleet = true, AllowImageBuilder = true },
        });
        return names[0];
    }

    /// <summary>RUNNING ALWAYS_ON fleets with their instances: <c>fleets</c> of the owner, one of the recipient.</summary>
    private async Task MakeFleetsAsync(IGrainFactory grains)
    {
        var made = Enumerable.Range(1, fleets).Select(i => (Account: Owner, Name: $"bench-fleet-{i:00}")).Append((Account: Recipient, Name: "bench-fleet")).ToList();
        foreach (var (account, name) in made)
        {
            var fleet = grains.GetFleet(Region, account, name);
            await fleet.CreateAsync(new CreateFleetRequest
            {
                Name = name, ImageName = BaseImage, InstanceType = "stream.standard.medium", FleetType = FleetType.AlwaysOn,
                ComputeCapacity = new ComputeCapacity { DesiredInstances = 2 },
            });
            await fleet.StartAsync();
        }

        var clock = grains.GetGrain<ISimulationClockGrain>(ISimulationClockGrain.Key);
        var timings = await clock.GetTimingsAsync();
        await clock.AdvanceByAsync(timings.FleetStart > timings.FleetInstanceProvisioning ? timings.FleetStart : timings.FleetInstanceProvisioning);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
