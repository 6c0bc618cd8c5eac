using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace RegionSim.Telemetry;

/// <summary>
/// The spans and metrics RegionSim emits, under the name <see cref="Name"/>; the silo decides where they
/// go (console, OTLP).
/// </summary>
public static class RegionSimTelemetry
{
    public const string Name = "RegionSim";

    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> ImagesCreated = Meter.CreateCounter<long>("regionsim.images.created", "{image}", "Images that became AVAILABLE after creation");
    public static readonly Counter<long> ImagesCopied = Meter.CreateCounter<long>("regionsim.images.copied", "{image}", "Copies that reached AVAILABLE or FAILED, by outcome");
    public static readonly Counter<long> ImagesDeleted = Meter.CreateCounter<long>("regionsim.images.deleted", "{image}", "Images deleted");
    public static readonly Counter<long> ImagePermissionChanges = Meter.CreateCounter<long>("regionsim.images.permission_changes", "{change}", "Image permissions granted, changed or revoked");
    public static readonly Counter<long> ImageBuildersLaunched = Meter.CreateCounter<long>("regionsim.image_builders.launched", "{builder}", "Image builders created");
}
