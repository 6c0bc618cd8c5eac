using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using RegionSim.Silo.Hosting;
using RegionSim.Telemetry;

namespace RegionSim.Silo.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>
    /// RegionSim's and Orleans' spans and metrics: to the console with <c>--otel-console</c>, to an OTLP
    /// collector whenever <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
    /// </summary>
    public static IServiceCollection AddRegionSimTelemetry(this IServiceCollection services, RegionSimSiloOptions options)
    {
        if (!options.ExportsTelemetry)
        {
            return services;
        }

        var otlp = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT"));
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(RegionSimTelemetry.Name))
            .WithTracing(tracing =>
            {
                tracing.AddSource(RegionSimTelemetry.Name, "Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application");
                if (options.OtelConsole)
                {
                    tracing.AddConsoleExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(RegionSimTelemetry.Name, "Microsoft.Orleans");
                if (options.OtelConsole)
                {
                    metrics.AddConsoleExporter();
                }
            });
        if (otlp)
        {
            telemetry.UseOtlpExporter();
        }

        return services;
    }
}
