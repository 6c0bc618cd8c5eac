using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using RegionSim.Silo.Hosting;
using RegionSim.Time;

namespace RegionSim.Client.Benchmarks;

/// <summary>
/// A silo in this process with the manual clock, on free loopback ports, for benchmarks: what they measure
/// runs exactly as in a real silo (RegionSimHost builds both), with nothing else moving time.
/// </summary>
public sealed class EmbeddedSilo : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EmbeddedSilo(WebApplication app) => _app = app;

    public IGrainFactory Grains => _app.Services.GetRequiredService<IGrainFactory>();

    public ISimulationClockGrain Clock => Grains.GetGrain<ISimulationClockGrain>(ISimulationClockGrain.Key);

    public static async Task<EmbeddedSilo> StartAsync(CancellationToken cancellationToken)
    {
        var app = RegionSimHost.Build(
        [
            "--clock", "manual",
            "--start", "2026-01-05T08:00:00Z",
            "--silo-port", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--gateway-port", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--http-url", "http://127.0.0.1:0",
            "--cluster-id", $"bench-{Environment.ProcessId}",
            "--Logging:LogLevel:Default", "Warning",
        ]);
        await app.StartAsync(cancellationToken);
        return new EmbeddedSilo(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>A loopback port no one listens on now (other engineers' silos run on this machine too).</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
