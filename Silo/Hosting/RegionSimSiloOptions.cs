using RegionSim.Silo.Authentication;

namespace RegionSim.Silo.Hosting;

/// <summary>How the silo runs; bound from the <c>RegionSim</c> configuration section and the command line.</summary>
public sealed class RegionSimSiloOptions
{
    public const string Section = "RegionSim";

    /// <summary><c>realtime</c>: simulated time follows the wall clock times <see cref="Speedup"/>; <c>manual</c>: it moves only when told.</summary>
    public ClockMode Clock { get; set; } = ClockMode.Realtime;

    /// <summary>Simulated seconds per wall second with the real-time clock.</summary>
    public double Speedup { get; set; } = 60;

    /// <summary>Where simulated time starts; the wall clock's current second when absent.</summary>
    public DateTimeOffset? Start { get; set; }

    /// <summary>How often the real-time driver moves the clock, in wall milliseconds.</summary>
    public int TickMilliseconds { get; set; } = 200;

    public int SiloPort { get; set; } = 11111;
    public int GatewayPort { get; set; } = 30000;
    public string ClusterId { get; set; } = "regionsim";
    public string ServiceId { get; set; } = "regionsim";

    /// <summary><c>localhost</c>: a single silo on its own; <c>redis</c>: silos find each other through Redis.</summary>
    public ClusteringMode Clustering { get; set; } = ClusteringMode.Localhost;

    /// <summary><c>memory</c>: grain state lives in the silos and dies with them; <c>redis</c>: it survives them.</summary>
    public StorageMode Storage { get; set; } = StorageMode.Memory;

    /// <summary>The Redis connection string for Redis clustering and storage.</summary>
    public string Redis { get; set; } = "127.0.0.1:6379";

    /// <summary>Serve the Orleans dashboard at <c>/dashboard</c> on the HTTP endpoint.</summary>
    public bool Dashboard { get; set; }

    /// <summary>Where the HTTP endpoints listen.</summary>
    public string HttpUrl { get; set; } = "http://127.0.0.1:4599";

    /// <summary>
    /// The access keys the AppStream endpoint accepts, by access key id; when none are configured, the
    /// demo accounts (<see cref="AccessKeys"/>).
    /// </summary>
    public Dictionary<string, CredentialOptions>? Credentials { get; set; }

    /// <summary>The bearer token of the <c>/_regionsim/</c> control endpoints.</summary>
    public string OperatorToken { get; set; } = "regionsim-operator";

    /// <summary>The least important log messages the silo writes (embedded silos keep to warnings, so that a command's output stays its own).</summary>
    public LogLevel LogLevel { get; set; } = LogLevel.Information;

    /// <summary>Write spans and metrics to the console as well (OTLP is on whenever OTEL_EXPORTER_OTLP_ENDPOINT is set).</summary>
    public bool OtelConsole { get; set; }

    /// <summary>Whether spans and metrics go anywhere: to the console, or to an OTLP collector named by OTEL_EXPORTER_OTLP_ENDPOINT.</summary>
    public bool ExportsTelemetry =>
        OtelConsole || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT"));

    public DateTimeOffset StartOrNow(TimeProvider wallClock) =>
        Start ?? DateTimeOffset.FromUnixTimeSeconds(wallClock.GetUtcNow().ToUnixTimeSeconds());

    public void Validate()
    {
        if (Speedup is <= 0 or > 1_000_000 || double.IsNaN(Speedup))
        {
            throw new ArgumentException($"--speedup must be a positive number of simulated seconds per wall second (at most 1000000), not {Speedup}.");
        }

        if (TickMilliseconds is < 10 or > 60_000)
        {
            throw new ArgumentException($"--tick-ms must be between 10 and 60000, not {TickMilliseconds}.");
        }

        foreach (var (name, port) in new[] { ("--silo-port", SiloPort), ("--gateway-port", GatewayPort) })
        {
            if (port is < 1 or > 65535)
            {
                throw new ArgumentException($"{name} must be a TCP port (1-65535), not {port}.");
            }
        }

        if (!Uri.TryCreate(HttpUrl, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttp)
        {
            throw new ArgumentException($"--http-url must be an http:// URL, not '{HttpUrl}'.");
        }

        if (string.IsNullOrWhiteSpace(OperatorToken))
        {
            throw new ArgumentException("--operator-token must not be empty.");
        }

        AccessKeys.Validate(Credentials);
    }
}

public enum ClusteringMode
{
    Localhost,
    Redis,
}

public enum StorageMode
{
    Memory,
    Redis,
}

public enum ClockMode
{
    Realtime,
    Manual,
}
