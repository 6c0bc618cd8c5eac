using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using RegionSim.Client.Cluster;
using RegionSim.Silo.Hosting;
using RegionSim.Time;

namespace RegionSim.Client.Bench;

/// <summary>
/// A silo in this process with the manual clock, on free loopback ports, for benchmarks that drive grains
/// directly: what they measure runs as in a real silo (RegionSimHost builds both), and nothing else moves time.
/// </summary>
public sealed class EmbeddedSilo : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EmbeddedSilo(WebApplication app) => _app = app;

    public IGrainFactory Grains => _app.Services.GetRequiredService<IGrainFactory>();

    public ISimulationClockGrain Clock => Grains.GetGrain<ISimulationClockGrain>(ISimulationClockGrain.Key);

    public static async Task<EmbeddedSilo> StartAsync(CancellationToken cancellationToken)
    {
        var app = RegionSimHost.Build([], options =>
        {
            options.Clock = ClockMode.Manual;
            options.Start = new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
            options.HttpUrl = "http://127.0.0.1:0";
            options.SiloPort = LocalCluster.FreePort();
            options.GatewayPort = LocalCluster.FreePort();
            options.ClusterId = $"bench-{Guid.NewGuid():N}";
        });
        await app.StartAsync(cancellationToken);
        return new EmbeddedSilo(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
