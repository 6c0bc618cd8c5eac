using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using RegionSim.Client.Cluster;
using RegionSim.Time;

namespace RegionSim.Tests.Cluster;

/// <summary>
/// Silo processes (<see cref="LocalCluster"/>) on the collection's redis-server: Redis membership, Redis
/// storage unless asked otherwise, the manual clock, and a cluster id and a service id of their own (state
/// in Redis is keyed by the service id, so no test sees another's); with an Orleans client that finds the
/// gateways through Redis and retries, as AWS SDKs do, calls a silo's death interrupts.
/// </summary>
public sealed class ClusterUnderTest : IAsyncDisposable
{
    /// <summary>How soon the survivors must declare a killed silo dead.</summary>
    public static readonly TimeSpan DeathDeclaredWithin = TimeSpan.FromSeconds(3);

    /// <summary>How long the test's client waits for an answer before it takes the call as lost and retries.</summary>
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(10);

    private readonly RedisServer _redis;

    private ClusterUnderTest(RedisServer redis, LocalCluster silos, IHost client)
    {
        _redis = redis;
        Silos = silos;
        Client = client;
    }

    public LocalCluster Silos { get; }

    public IHost Client { get; }

    public IGrainFactory Grains => Client.Services.GetRequiredService<IGrainFactory>();

    public ISimulationClockGrain Clock => Grains.GetGrain<ISimulationClockGrain>(ISimulationClockGrain.Key);

    public static async Task<ClusterUnderTest> StartAsync(RedisServer redis, DateTimeOffset start, int silos = 3, string storage = "redis")
    {
        var local = await LocalCluster.StartAsync(new LocalClusterOptions
        {
            Silos = silos,
            Redis = redis.ConnectionString,
            Storage = storage,
            ClusterId = $"test-{Guid.NewGuid():N}",
            ServiceId = $"test-{Guid.NewGuid():N}",
            Ports = LocalCluster.FreeSiloPorts(silos),
            SiloArguments = ["--clock", "manual", "--start", start.ToString("O")],
            LogDirectory = Path.Combine(Path.GetTempPath(), "regionsim-tests", Guid.NewGuid().ToString("N")),
        });
        try
        {
            return new ClusterUnderTest(redis, local, await ConnectAsync(redis, local.Options));
        }
        catch
        {
            await local.DisposeAsync();
            throw;
        }
    }

    /// <summary>Another client, through Redis or through one silo's gateway only.</summary>
    public Task<IHost> ConnectAsync(LocalSilo? through = null) => ConnectAsync(_redis, Silos.Options, through);

    /// <summary>Moves simulated time on by <paramref name="span"/>; a retried move goes to the same moment, never further.</summary>
    public async Task<DateTimeOffset> AdvanceAsync(TimeSpan span)
    {
        var target = await Transient.RetryAsync(() => Clock.GetNowAsync()) + span;
        return await Transient.RetryAsync(() => Clock.AdvanceToAsync(target));
    }

    /// <summary>The silo that hosts <paramref name="grain"/>'s activation now (the grain must be active).</summary>
    public async Task<LocalSilo> HostOfAsync(IAddressable grain)
    {
        var address = await Grains.GetGrain<IManagementGrain>(0).GetActivationAddress(grain)
            ?? throw new InvalidOperationException($"{grain} has no activation.");
        return Silos.Silos.Single(silo => silo.SiloPort == address.Endpoint.Port);
    }

    /// <summary>The silo hosting the most of <paramref name="grains"/>, and how many it hosts.</summary>
    public async Task<(LocalSilo Silo, int Hosted)> BusiestHostAsync(IEnumerable<IAddressable> grains)
    {
        var hosts = await Task.WhenAll(grains.Select(HostOfAsync));
        return hosts.GroupBy(host => host.Index).Select(group => (group.First(), group.Count())).MaxBy(entry => entry.Item2);
    }

    /// <summary>Kills the silo as a crash would (SIGKILL), and waits until the survivors declare it dead: at most <see cref="DeathDeclaredWithin"/>.</summary>
    public async Task KillAsync(LocalSilo victim)
    {
        Silos.Kill(victim.Index);
        await WaitUntilDeadAsync([victim], DeathDeclaredWithin);
    }

    /// <summary>
    /// Waits, on the wall clock and at most <paramref name="limit"/>, until the cluster's membership table
    /// in Redis declares every one of <paramref name="silos"/> dead.
    /// </summary>
    public async Task WaitUntilDeadAsync(IReadOnlyList<LocalSilo> silos, TimeSpan limit)
    {
        using var connection = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(_redis.ConnectionString);
        var table = $"{Silos.Options.ServiceId}/members/{Silos.Options.ClusterId}";
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

    public async ValueTask DisposeAsync()
    {
        await Client.StopAsync();
        Client.Dispose();
        await Silos.DisposeAsync();
    }

    private static async Task<IHost> ConnectAsync(RedisServer redis, LocalClusterOptions cluster, LocalSilo? through = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        // These tests kill silos: the client's connections to them break, and calls to them time out, by design.
        // What the tests check is what callers see after; the messaging layer's account of it is noise here.
        builder.Logging.AddFilter("Orleans.Runtime.Messaging", LogLevel.None);
        builder.Logging.AddFilter("Orleans.Runtime.CallbackData", LogLevel.None);
        builder.Logging.AddFilter("Orleans.Networking", LogLevel.None);
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
                options.ClusterId = cluster.ClusterId;
                options.ServiceId = cluster.ServiceId;
            });

            // A call sent through the gateway of a silo that dies is not failed when the connection drops: it
            // waits for its response timeout (Orleans' default: 30 s). Clients here give up sooner and retry.
            client.Configure<Orleans.Configuration.ClientMessagingOptions>(options => options.ResponseTimeout = ResponseTimeout);
        });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
