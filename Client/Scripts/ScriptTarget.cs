using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RegionSim.Client.Cluster;
using RegionSim.Silo.AppStream;

namespace RegionSim.Client.Scripts;

/// <summary>
/// Where a script runs: a silo embedded in this process (built by <see cref="RegionSimHost"/> as any silo is,
/// with the manual clock, on free loopback ports), or a running silo or cluster reached as an Orleans client.
/// </summary>
public sealed class ScriptTarget : IAsyncDisposable
{
    private readonly IAsyncDisposable? _owned;

    private ScriptTarget(IAsyncDisposable? owned, IGrainFactory grains, bool embedded, string description)
    {
        _owned = owned;
        Embedded = embedded;
        Description = description;
        Grains = grains;
        Api = new AppStreamApi(Grains);
    }


    public IGrainFactory Grains { get; }

    public AppStreamApi Api { get; }

    public bool Embedded { get; }

    public string Description { get; }

    /// <summary>Starts a silo in this process (an <see cref="EmbeddedSilo"/>) whose simulated time begins at <paramref name="start"/>.</summary>
    public static async Task<ScriptTarget> EmbeddedAsync(DateTimeOffset start, CancellationToken cancellationToken)
    {
        var silo = await EmbeddedSilo.StartAsync(cancellationToken, start);
        return new ScriptTarget(silo, silo.Grains, embedded: true, "an embedded silo (manual clock)");
    }

    /// <summary>A running silo or cluster, through the client <paramref name="client"/> (already started).</summary>
    public static ScriptTarget Cluster(IHost client, string description) =>
        new(new StoppedHost(client), client.Services.GetRequiredService<IGrainFactory>(), embedded: false, description);

    /// <summary>A cluster the caller already holds (a test cluster); disposing leaves it running.</summary>
    public static ScriptTarget Over(IGrainFactory grains, string description) => new(null, grains, embedded: false, description);

    public async ValueTask DisposeAsync()
    {
        if (_owned is not null)
        {
            await _owned.DisposeAsync();
        }
    }

    /// <summary>A client host, stopped before it is disposed.</summary>
    private sealed class StoppedHost(IHost host) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await host.StopAsync();
            host.Dispose();
        }
    }
}
