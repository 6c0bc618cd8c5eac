using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RegionSim.Client.Cluster;
using RegionSim.Silo.AppStream;
using RegionSim.Silo.Hosting;

namespace RegionSim.Client.Scripts;

/// <summary>
/// Where a script runs: a silo embedded in this process (built by <see cref="RegionSimHost"/> as any silo is,
/// with the manual clock, on free loopback ports), or a running silo or cluster reached as an Orleans client.
/// </summary>
public sealed class ScriptTarget : IAsyncDisposable
{
    private readonly IHost? _host;

    private ScriptTarget(IHost? host, IGrainFactory grains, bool embedded, string description)
    {
        _host = host;
        Embedded = embedded;
        Description = description;
        Grains = grains;
        Api = new AppStreamApi(Grains);
    }

    private ScriptTarget(IHost host, bool embedded, string description)
        : this(host, host.Services.GetRequiredService<IGrainFactory>(), embedded, description)
    {
    }

    public IGrainFactory Grains { get; }

    public AppStreamApi Api { get; }

    public bool Embedded { get; }

    public string Description { get; }

    /// <summary>Starts a silo in this process whose simulated time begins at <paramref name="start"/>; its logs go to standard error, warnings and worse only.</summary>
    public static async Task<ScriptTarget> EmbeddedAsync(DateTimeOffset start, CancellationToken cancellationToken)
    {
        WebApplication app = RegionSimHost.Build(
            [
                "--Logging:LogLevel:Default", "Warning",
                // The silo's notes on garbage collection settings say nothing about a script.
                "--Logging:LogLevel:Orleans.Runtime.Silo", "Error",
                // It times its checks on the simulated clock, so the manual clock's jumps look like stalls to it.
                "--Logging:LogLevel:Orleans.Runtime.Watchdog", "Error",
                "--Logging:Console:LogToStandardErrorThreshold", "Trace",
            ],
            options =>
            {
                options.Clock = ClockMode.Manual;
                options.Start = start;
                options.HttpUrl = "http://127.0.0.1:0";
                options.SiloPort = LocalCluster.FreePort();
                options.GatewayPort = LocalCluster.FreePort();
                options.ClusterId = $"script-{Guid.NewGuid():N}";
            });
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new ScriptTarget(app, embedded: true, "an embedded silo (manual clock)");
    }

    /// <summary>A running silo or cluster, through the client <paramref name="client"/> (already started).</summary>
    public static ScriptTarget Cluster(IHost client, string description) => new(client, embedded: false, description);

    /// <summary>A cluster the caller already holds (a test cluster); disposing leaves it running.</summary>
    public static ScriptTarget Over(IGrainFactory grains, string description) => new(null, grains, embedded: false, description);

    public async ValueTask DisposeAsync()
    {
        if (_host is null)
        {
            return;
        }

        await _host.StopAsync();
        if (_host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }
    }
}
