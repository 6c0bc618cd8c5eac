using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using RegionSim.Fleets;
using RegionSim.Silo.Hosting;
using RegionSim.Time;

namespace RegionSim.Tests.Infrastructure;

/// <summary>
/// One in-process silo with the manual clock, shared by the tests of the <see cref="ClusterCollection"/>.
/// Tests keep out of each other's way by using accounts and names of their own.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    public TestCluster Cluster { get; } = CreateCluster();

    public IGrainFactory Grains => Cluster.GrainFactory;

    public ISimulationClockGrain Clock => Grains.GetGrain<ISimulationClockGrain>(ISimulationClockGrain.Key);

    public Task<DateTimeOffset> AdvanceAsync(TimeSpan span) => Clock.AdvanceByAsync(span);

    /// <summary>The wall clock fleet watches run on (<see cref="FleetWatches.Clock"/>): manual here, and it moves only when a test moves it.</summary>
    public SimulationClock WatchClock =>
        (SimulationClock)((InProcessSiloHandle)Cluster.Primary!).SiloHost.Services.GetRequiredKeyedService<TimeProvider>(FleetWatches.Clock);

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    private static TestCluster CreateCluster()
    {
        var builder = new TestClusterBuilder(1).AddSiloBuilderConfigurator<ManualClockSilo>();
        // Real sockets on free loopback ports, so that commands under test reach the gateway as a user's would.
        builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket;
        return builder.Build();
    }

    private sealed class ManualClockSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.AddRegionSim(new RegionSimSiloOptions { Clock = ClockMode.Manual, Start = Start });
            silo.Services.AddKeyedSingleton<TimeProvider>(FleetWatches.Clock, new SimulationClock(Start));
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
