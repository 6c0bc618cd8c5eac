using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using RegionSim.Silo.Hosting;
using RegionSim.Time;

namespace RegionSim.Client.Cluster;

/// <summary>
/// A silo in this process with the manual clock, on free loopback ports, for the commands that run on
/// embedded defaults (benchmarks, simulations, scripts): what they drive runs as in a real silo
/// (RegionSimHost builds both), and nothing but the command moves time.
/// </summary>
public sealed class EmbeddedSilo : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EmbeddedSilo(WebApplication app) => _app = app;

    public IGrainFactory Grains => _app.Services.GetRequiredService<IGrainFactory>();

    public ISimulationClockGrain Clock => Grains.GetGrain<ISimulationClockGrain>(ISimulationClockGrain.Key);

    public static readonly DateTimeOffset DefaultStart = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Starts a silo whose clock reads <paramref name="start"/>; <paramref name="services"/> adds to its services.</summary>
    public static async Task<EmbeddedSilo> StartAsync(CancellationToken cancellationToken, DateTimeOffset? start = null, Action<IServiceCollection>? services = null)
    {
        // Standard output is the command's own (a table, JSON); the silo's warnings go to standard error, and
        // its notes on garbage collection settings say nothing a command's user needs.
        var app = RegionSimHost.Build(
            [
                "--Logging:LogLevel:Orleans.Runtime.Silo", "Error",
                "--Logging:Console:LogToStandardErrorThreshold", "Trace",
            ],
            Embedded,
            services);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new EmbeddedSilo(app);

        void Embedded(RegionSimSiloOptions options)
        {
            options.Clock = ClockMode.Manual;
            options.LogLevel = Microsoft.Extensions.Logging.LogLevel.Warning;
            options.Start = start ?? DefaultStart;
            options.HttpUrl = "http://127.0.0.1:0";
            options.SiloPort = LocalCluster.FreePort();
            options.GatewayPort = LocalCluster.FreePort();
            options.ClusterId = $"bench-{Guid.NewGuid():N}";
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
