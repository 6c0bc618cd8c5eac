using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Runtime;
using RegionSim.Client.Cluster;
using RegionSim.Images;
using RegionSim.Resources;
using RegionSim.Tests.Infrastructure;
using RegionSim.Time;

namespace RegionSim.Tests.Cluster;

/// <summary>A three-silo cluster of real silo processes on Redis membership and Redis storage.</summary>
public sealed class LocalClusterTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private static readonly DateTimeOffset Start = new(2026, 2, 2, 9, 0, 0, TimeSpan.Zero);

    private Task<LocalCluster> StartClusterAsync(int silos = 3) => LocalCluster.StartAsync(new LocalClusterOptions
    {
        Silos = silos,
        Redis = redis.ConnectionString,
        ClusterId = $"test-{Guid.NewGuid():N}",
        ServiceId = $"test-{Guid.NewGuid():N}",
        BaseSiloPort = LocalCluster.FreePort(),
        BaseGatewayPort = LocalCluster.FreePort(),
        BaseHttpPort = LocalCluster.FreePort(),
        SiloArguments = ["--clock", "manual", "--start", Start.ToString("O")],
        LogDirectory = Path.Combine(Path.GetTempPath(), "regionsim-tests", Guid.NewGuid().ToString("N")),
    });

    [Fact]
    public async Task Every_silo_reads_the_same_simulated_time_as_the_clock_moves()
    {
        await using var cluster = await StartClusterAsync();
        using var client = await ConnectAsync(cluster);
        var clock = client.Services.GetRequiredService<IGrainFactory>().GetGrain<ISimulationClockGrain>(ISimulationClockGrain.Key);

        var now = await clock.AdvanceByAsync(TimeSpan.FromHours(5));
        var clocks = await clock.GetSiloClocksAsync();
        Assert.Equal(3, clocks.Count);
        Assert.All(clocks.Values, siloNow => Assert.Equal(now, siloNow));
        Assert.Equal(Start + TimeSpan.FromHours(5), now);
    }

    [Fact]
    public async Task A_killed_silo_is_declared_dead_within_3_seconds()
    {
        await using var cluster = await StartClusterAsync();
        var victim = cluster.Silos[1];

        cluster.Kill(victim.Index);
        await WaitUntilDeadAsync(cluster, [victim], TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task With_Redis_storage_images_survive_the_silos_that_held_them()
    {
        await using var cluster = await StartClusterAsync();
        var account = TestAccounts.NewAccount();
        var names = Enumerable.Range(0, 12).Select(_ => TestAccounts.NewName()).ToList();
        using (var client = await ConnectAsync(cluster))
        {
            var grains = client.Services.GetRequiredService<IGrainFactory>();
            var content = await grains.GetImage(ResourceKey.Public("us-east-1", "AppStream-WinServer2019-10-08-2024")).GetContentAsync(account);
            foreach (var name in names)
            {
                await grains.GetImage("us-east-1", account, name).CreateAsync(new NewImage { Content = content });
            }

            await grains.GetGrain<ISimulationClockGrain>(ISimulationClockGrain.Key).AdvanceByAsync(TimeSpan.FromHours(1));
        }

        // One silo of three: the two left are a majority and may declare it dead. (A lone survivor may not:
        // it cannot tell the others' death from its own isolation.)
        cluster.Kill(0);
        await WaitUntilDeadAsync(cluster, [cluster.Silos[0]], TimeSpan.FromSeconds(3));
        using (var client = await ConnectAsync(cluster, cluster.Silos[2]))
        {
            var grains = client.Services.GetRequiredService<IGrainFactory>();
            foreach (var name in names)
            {
                var image = await Transient.RetryAsync(() => grains.GetImage("us-east-1", account, name).DescribeAsync(account));
                Assert.Equal(ImageState.Available, image.State);
            }

            var now = await Transient.RetryAsync(() => grains.GetGrain<ISimulationClockGrain>(ISimulationClockGrain.Key).GetNowAsync());
            Assert.True(now >= Start + TimeSpan.FromHours(1), $"The clock went back to {now} after its silo died.");
        }
    }

    /// <summary>
    /// Waits, on the wall clock and at most <paramref name="limit"/>, until the cluster's membership table
    /// in Redis declares every one of <paramref name="silos"/> dead.
    /// </summary>
    private async Task WaitUntilDeadAsync(LocalCluster cluster, IReadOnlyList<LocalSilo> silos, TimeSpan limit)
    {
        using var connection = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var table = $"{cluster.Options.ServiceId}/members/{cluster.Options.ClusterId}";
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (watch.Elapsed < limit)
        {
            var entries = await connection.GetDatabase().HashGetAllAsync(table);
            var dead = entries
                .Where(entry => entry.Name != "Version")
                .Select(entry => System.Text.Json.JsonDocument.Parse(entry.Value.ToString()).RootElement)
                .Where(member => member.GetProperty("Status").GetInt32() == (int)SiloStatus.Dead)
                .Select(member => member.GetProperty("SiloAddress").GetProperty("SiloAddress").GetString()!)
                .ToList();
            if (silos.All(silo => dead.Any(address => address.StartsWith($"127.0.0.1:{silo.SiloPort}@", StringComparison.Ordinal))))
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"Silos {string.Join(", ", silos.Select(s => s.Index))} were still not all declared dead {watch.Elapsed.TotalSeconds:F1} s after they were killed.");
    }

    private async Task<IHost> ConnectAsync(LocalCluster cluster, LocalSilo? through = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client =>
        {
            if (through is null)
            {
                client.UseRedisClustering(redis.ConnectionString);
            }
            else
            {
                client.UseStaticClustering(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, through.GatewayPort));
            }

            client.Configure<Orleans.Configuration.ClusterOptions>(options =>
            {
                options.ClusterId = cluster.Options.ClusterId;
                options.ServiceId = cluster.Options.ServiceId;
            });
        });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
