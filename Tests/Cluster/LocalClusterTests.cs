using Microsoft.Extensions.DependencyInjection;
using RegionSim.Client.Cluster;
using RegionSim.Images;
using RegionSim.Resources;
using RegionSim.Tests.Infrastructure;
using RegionSim.Time;

namespace RegionSim.Tests.Cluster;

/// <summary>A three-silo cluster of real silo processes on Redis membership and Redis storage.</summary>
[Collection(RedisCollection.Name)]
public sealed class LocalClusterTests(RedisServer redis)
{
    private static readonly DateTimeOffset Start = new(2026, 2, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Every_silo_reads_the_same_simulated_time_as_the_clock_moves()
    {
        await using var cluster = await ClusterUnderTest.StartAsync(redis, Start);

        var now = await cluster.Clock.AdvanceByAsync(TimeSpan.FromHours(5));
        var clocks = await cluster.Clock.GetSiloClocksAsync();
        Assert.Equal(3, clocks.Count);
        Assert.All(clocks.Values, siloNow => Assert.Equal(now, siloNow));
        Assert.Equal(Start + TimeSpan.FromHours(5), now);
    }

    [Fact]
    public async Task A_killed_silo_is_declared_dead_within_3_seconds()
    {
        await using var cluster = await ClusterUnderTest.StartAsync(redis, Start);

        await cluster.KillAsync(cluster.Silos.Silos[1]);
    }

    [Fact]
    public async Task With_Redis_storage_images_survive_the_silos_that_held_them()
    {
        await using var cluster = await ClusterUnderTest.StartAsync(redis, Start);
        var account = TestAccounts.NewAccount();
        var names = Enumerable.Range(0, 12).Select(_ => TestAccounts.NewName()).ToList();
        var grains = cluster.Grains;
        var content = await grains.GetImage(ResourceKey.Public("us-east-1", "AppStream-WinServer2019-10-08-2024")).GetContentAsync(account);
        foreach (var name in names)
        {
            await grains.GetImage("us-east-1", account, name).CreateAsync(new NewImage { Content = content });
        }

        await cluster.AdvanceAsync(TimeSpan.FromHours(1));

        // One silo of three: the two left are a majority and may declare it dead. (A lone survivor may not:
        // it cannot tell the others' death from its own isolation.)
        await cluster.KillAsync(cluster.Silos.Silos[0]);
        using var client = await cluster.ConnectAsync(through: cluster.Silos.Silos[2]);
        var survivor = client.Services.GetRequiredService<IGrainFactory>();
        foreach (var name in names)
        {
            var image = await Transient.RetryAsync(() => survivor.GetImage("us-east-1", account, name).DescribeAsync(account));
            Assert.Equal(ImageState.Available, image.State);
        }

        var now = await Transient.RetryAsync(() => survivor.GetGrain<ISimulationClockGrain>(ISimulationClockGrain.Key).GetNowAsync());
        Assert.True(now >= Start + TimeSpan.FromHours(1), $"The clock went back to {now} after its silo died.");
    }
}
