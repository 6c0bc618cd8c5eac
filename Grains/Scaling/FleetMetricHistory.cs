namespace RegionSim.Scaling;

/// <summary>
/// A fleet's last <see cref="FleetMetrics.HistoryMinutes"/> minutes of datapoints (a ring), and the minute
/// still open. Minutes are closed when the fleet next runs: between its events the values do not change.
/// </summary>
[GenerateSerializer, Alias("RegionSim.FleetMetricHistory")]
public sealed class FleetMetricHistory
{
    [Id(0)] public FleetMinute[] Minutes { get; set; } = new FleetMinute[FleetMetrics.HistoryMinutes];
    [Id(1)] public int Count { get; set; }

    /// <summary>Where the next closed minute goes in <see cref="Minutes"/>.</summary>
    [Id(2)] public int Next { get; set; }

    /// <summary>The start of the minute still open.</summary>
    [Id(3)] public DateTimeOffset OpenMinute { get; set; }

    /// <summary>Connections refused for want of capacity in the open minute.</summary>
    [Id(4)] public int OpenInsufficient { get; set; }

    public void Add(in FleetMinute minute)
    {
        Minutes[Next] = minute;
        Next = (Next + 1) % Minutes.Length;
        Count = Math.Min(Count + 1, Minutes.Length);
    }

    /// <summary>The closed minutes, oldest first, at most the last <paramref name="last"/>.</summary>
    public IEnumerable<FleetMinute> Recent(int last)
    {
        var take = Math.Min(last, Count);
        for (var i = take; i > 0; i--)
        {
            yield return Minutes[(Next - i + Minutes.Length) % Minutes.Length];
        }
    }
}

/// <summary>One closed minute of a fleet, compact (the wire-facing form is <see cref="FleetMetricDatapoint"/>).</summary>
[GenerateSerializer, Alias("RegionSim.FleetMinute")]
public record struct FleetMinute(
    [property: Id(0)] long StartTicks,
    [property: Id(1)] int Desired,
    [property: Id(2)] int Actual,
    [property: Id(3)] int InUse,
    [property: Id(4)] int Pending,
    [property: Id(5)] int InsufficientCapacityErrors)
{
    public double CapacityUtilization => Actual == 0 ? 0 : 100.0 * InUse / Actual;

    public double Value(FleetMetricName metric) => metric switch
    {
        FleetMetricName.CapacityUtilization => CapacityUtilization,
        FleetMetricName.AvailableCapacity => Actual - InUse,
        FleetMetricName.InUseCapacity => InUse,
        FleetMetricName.ActualCapacity or FleetMetricName.RunningCapacity => Actual,
        FleetMetricName.PendingCapacity => Pending,
        FleetMetricName.DesiredCapacity => Desired,
        FleetMetricName.InsufficientCapacityError => InsufficientCapacityErrors,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, null),
    };

    public FleetMetricDatapoint ToDatapoint() => new()
    {
        Timestamp = new DateTimeOffset(StartTicks, TimeSpan.Zero),
        DesiredCapacity = Desired,
        ActualCapacity = Actual,
        InUseCapacity = InUse,
        AvailableCapacity = Actual - InUse,
        PendingCapacity = Pending,
        InsufficientCapacityError = InsufficientCapacityErrors,
    };
}
