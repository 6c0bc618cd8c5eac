using Orleans.Dashboard;
using RegionSim.Silo.AppStream;
using RegionSim.Silo.Control;
using RegionSim.Silo.Sessions;
using RegionSim.Silo.Telemetry;
using RegionSim.Silo.Time;

namespace RegionSim.Silo.Hosting;

/// <summary>
/// The entry point that builds a RegionSim silo: the silo program runs it, and the <c>regionsim</c>
/// command embeds it the same way.
/// </summary>
public static class RegionSimHost
{
    /// <summary>Command-line switches and the configuration keys they set.</summary>
    public static IReadOnlyDictionary<string, string> Switches { get; } = new Dictionary<string, string>
    {
        ["--clock"] = $"{RegionSimSiloOptions.Section}:{nameof(RegionSimSiloOptions.Clock)}",
        ["--speedup"] = $"{RegionSimSiloOptions.Section}:{nameof(RegionSimSiloOptions.Speedup)}",
        ["--start"] = $"{RegionSimSiloOptions.Section}:{nameof(RegionSimSiloOptions.Start)}",
        ["--tick-ms"] = $"{RegionSimSiloOptions.Section}:{nameof(RegionSimSiloOptions.TickMilliseconds)}",
        ["--silo-port"] = $"{RegionSimSiloOptions.Section}:{nameof(RegionSimSiloOptions.SiloPort)}",
        ["--gateway-port"] = $"{RegionSimSiloOptions.Section}:{nameof(RegionSimSiloOptions.GatewayPort)}",
        ["--cluster-id"] = $"{RegionSimSiloOptions.Section}:{nameof(RegionSimSiloOptions.ClusterId)}",
        ["--service-id"] = $"{RegionSimSiloOptions.Section}:{nameof(RegionSimSiloOptions.ServiceId)}",
        ["--http-url"] = $"{RegionSimSiloOptions.Section}:{nameof(RegionSimSiloOptions.HttpUrl)}",
        ["--operator-token"] = $"{RegionSimSiloOptions.Section}:{nameof(RegionSimSiloOptions.OperatorToken)}",
        ["--otel-console"] = $"{RegionSimSiloOptions.Section}:{nameof(RegionSimSiloOptions.OtelConsole)}",
        ["--clustering"] = $"{RegionSimSiloOptions.Section}:{nameof(RegionSimSiloOptions.Clustering)}",
        ["--storage"] = $"{RegionSimSiloOptions.Section}:{nameof(RegionSimSiloOptions.Storage)}",
        ["--redis"] = $"{RegionSimSiloOptions.Section}:{nameof(RegionSimSiloOptions.Redis)}",
        ["--log-level"] = $"{RegionSimSiloOptions.Section}:{nameof(RegionSimSiloOptions.LogLevel)}",
        ["--dashboard"] = $"{RegionSimSiloOptions.Section}:{nameof(RegionSimSiloOptions.Dashboard)}",
    };

    /// <summary>
    /// Builds a silo from command-line arguments and configuration; <paramref name="configure"/> has the last
    /// word. <paramref name="services"/> adds to the silo's services (a benchmark's grain call filter).
    /// </summary>
    public static WebApplication Build(string[] args, Action<RegionSimSiloOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddCommandLine(NormalizeFlags(args), Switches.ToDictionary());
        var options = builder.Configuration.GetSection(RegionSimSiloOptions.Section).Get<RegionSimSiloOptions>() ?? new RegionSimSiloOptions();
        configure?.Invoke(options);
        options.Validate();

        builder.Logging.SetMinimumLevel(options.LogLevel);
        if (options.LogLevel >= LogLevel.Warning)
        {
            // Orleans 10.4.2's watchdog measures its first check from the machine's boot and warns of a stall
            // as long as the uptime; a command that embeds a silo should not open with that.
            builder.Logging.AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error);
        }

        builder.Logging.AddFilter("Orleans", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        builder.WebHost.UseUrls(options.HttpUrl);
        builder.Services.AddSingleton(options);
        builder.Services.AddRegionSimTelemetry(options);
        builder.Services.AddAppStreamEndpoint(options);
        builder.Services.AddStreamingSessions();
        builder.UseOrleans(silo =>
        {
            silo.AddRegionSimClustering(options);
            silo.AddRegionSim(options);
            if (options.Dashboard)
            {
                silo.AddDashboard();
            }
        });
        if (options.Clock == ClockMode.Realtime)
        {
            builder.Services.AddHostedService<RealtimeClockDriver>();
        }

        services?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapAppStreamEndpoint();
        app.MapRegionSimControl(options);
        app.MapStreamingSessions(options);
        if (options.Dashboard)
        {
            app.MapOrleansDashboard("/dashboard");
        }

        return app;
    }

    /// <summary>Lets a flag stand alone (<c>--otel-console</c>) by giving it the value true.</summary>
    private static string[] NormalizeFlags(string[] args)
    {
        var flags = new[] { "--otel-console", "--dashboard" };
        var result = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            result.Add(args[i]);
            var standsAlone = i + 1 == args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal);
            if (flags.Contains(args[i]) && standsAlone)
            {
                result.Add("true");
            }
        }

        return [.. result];
    }
}
