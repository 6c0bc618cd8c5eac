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

    public static readonly Counter<long> SessionsStarted = Meter.CreateCounter<long>("regionsim.sessions.started", "{session}", "Streaming sessions started");
    public static readonly Counter<long> SessionsEnded = Meter.CreateCounter<long>("regionsim.sessions.ended", "{session}", "Streaming sessions ended, by reason");
    public static readonly Counter<long> ConnectionsRefused = Meter.CreateCounter<long>("regionsim.sessions.refused", "{connection}", "Connections refused for want of an available instance (InsufficientCapacityError), by fleet");
    public static readonly Counter<long> FleetsRevoked = Meter.CreateCounter<long>("regionsim.fleets.revoked", "{fleet}", "Fleets whose desired capacity went to 0 because their image's fleet permission was revoked");
    public static readonly Counter<long> ScalingActivities = Meter.CreateCounter<long>("regionsim.scaling.activities", "{activity}", "Changes of desired capacity by scaling policies and scheduled actions, by direction");
    public static readonly Histogram<double> FleetCapacityUtilization = Meter.CreateHistogram<double>("regionsim.fleet.capacity_utilization", "%", "A fleet's CapacityUtilization, one value per simulated minute, by fleet");
    public static readonly Histogram<int> FleetAvailableCapacity = Meter.CreateHistogram<int>("regionsim.fleet.available_capacity", "{instance}", "A fleet's AvailableCapacity, one value per simulated minute, by fleet");
}
