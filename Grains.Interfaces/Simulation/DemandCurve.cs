namespace RegionSim.Simulation;

/// <summary>
/// How busy a day is, hour by local hour: 24 weights from 0 to 1 (the busiest hour is 1), read in the
/// region's local time and interpolated linearly between hour midpoints.
/// </summary>
[GenerateSerializer, Immutable, Alias("RegionSim.DemandCurve")]
public sealed record DemandCurve
{
    [Id(0)] public required string Name { get; init; }
    [Id(1)] public required IReadOnlyList<double> HourlyWeights { get; init; }

    /// <summary>The same rate all day.</summary>
    public static DemandCurve Flat { get; } = new() { Name = "flat", HourlyWeights = Enumerable.Repeat(1.0, 24).ToArray() };

    /// <summary>A working day: quiet at night, rising from 7:00, busiest 10:00-15:00, falling after 17:00.</summary>
    public static DemandCurve OfficeHours { get; } = new()
    {
        Name = "office-hours",
        HourlyWeights = [0.02, 0.01, 0.01, 0.01, 0.02, 0.04, 0.10, 0.30, 0.65, 0.90, 1.00, 1.00, 0.85, 0.95, 1.00, 0.95, 0.80, 0.55, 0.30, 0.18, 0.12, 0.08, 0.05, 0.03],
    };

    /// <summary>Evenings and weekends at home: busiest 19:00-22:00.</summary>
    public static DemandCurve Evening { get; } = new()
    {
        Name = "evening",
        HourlyWeights = [0.30, 0.15, 0.08, 0.05, 0.04, 0.04, 0.06, 0.12, 0.20, 0.25, 0.28, 0.30, 0.35, 0.35, 0.35, 0.40, 0.50, 0.65, 0.85, 1.00, 1.00, 0.90, 0.70, 0.45],
    };

    public static IReadOnlyDictionary<string, DemandCurve> Named { get; } =
        new[] { Flat, OfficeHours, Evening }.ToDictionary(c => c.Name, StringComparer.Ordinal);

    /// <summary>The weight at <paramref name="utc"/> for a region <paramref name="utcOffsetHours"/> from UTC.</summary>
    public double WeightAt(DateTimeOffset utc, double utcOffsetHours)
    {
        var localHours = (utc.UtcDateTime.TimeOfDay.TotalHours + utcOffsetHours) % 24;
        if (localHours < 0)
        {
            localHours += 24;
        }

        // Each weight belongs to the middle of its hour; between two middles the weight moves in a straight line.
        var position = localHours - 0.5;
        var lower = (int)Math.Floor(position);
        var fraction = position - lower;
        var from = HourlyWeights[(lower + 24) % 24];
        var to = HourlyWeights[(lower + 1 + 24) % 24];
        return from + ((to - from) * fraction);
    }
}
