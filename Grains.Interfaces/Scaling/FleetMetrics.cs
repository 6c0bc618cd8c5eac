namespace RegionSim.Scaling;

/// <summary>The metrics AppStream publishes for a fleet, one datapoint per simulated minute.</summary>
[GenerateSerializer]
public enum FleetMetricName
{
    /// <summary>InUse ÷ ActualCapacity × 100 (0 with no capacity).</summary>
    CapacityUtilization,
    AvailableCapacity,
    InUseCapacity,
    ActualCapacity,
    PendingCapacity,
    RunningCapacity,
    DesiredCapacity,

    /// <summary>Connections refused for want of an available instance during the minute.</summary>
    InsufficientCapacityError,
}

[GenerateSerializer, Immutable, Alias("RegionSim.FleetMetrics")]
public sealed record FleetMetrics
{
    /// <summary>How many minutes of datapoints a fleet keeps.</summary>
    public const int HistoryMinutes = 180;

    /// <summary>Oldest first.</summary>
    [Id(0)] public required IReadOnlyList<FleetMetricDatapoint> Datapoints { get; init; }
}

/// <summary>One minute of a fleet: its capacity at the minute's end, and the refusals during it.</summary>
[GenerateSerializer, Immutable, Alias("RegionSim.FleetMetricDatapoint")]
public sealed record FleetMetricDatapoint
{
    /// <summary>The start of the minute.</summary>
    [Id(0)] public required DateTimeOffset Timestamp { get; init; }
    [Id(1)] public required int DesiredCapacity { get; init; }
    [Id(2)] public required int ActualCapacity { get; init; }
    [Id(3)] public required int InUseCapacity { get; init; }
    [Id(4)] public required int AvailableCapacity { get; init; }
    [Id(5)] public required int PendingCapacity { get; init; }
    [Id(6)] public required int InsufficientCapacityError { get; init; }

    public double CapacityUtilization => ActualCapacity == 0 ? 0 : 100.0 * InUseCapacity / ActualCapacity;

    public int RunningCapacity => ActualCapacity;

    public double Value(FleetMetricName metric) => metric switch
    {
        FleetMetricName.CapacityUtilization => CapacityUtilization,
        FleetMetricName.AvailableCapacity => AvailableCapacity,
        FleetMetricName.InUseCapacity => InUseCapacity,
        FleetMetricName.ActualCapacity or FleetMetricName.RunningCapacity => ActualCapacity,
        FleetMetricName.PendingCapacity => PendingCapacity,
        FleetMetricName.DesiredCapacity => DesiredCapacity,
        FleetMetricName.InsufficientCapacityError => InsufficientCapacityError,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, null),
    };
}
