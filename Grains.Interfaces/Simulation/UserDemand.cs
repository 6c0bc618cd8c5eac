namespace RegionSim.Simulation;

/// <summary>The users of one fleet: how many arrive when, how long they stay and what they do.</summary>
[GenerateSerializer, Immutable, Alias("RegionSim.UserDemand")]
public sealed record UserDemand
{
    /// <summary>The fleet's grain key (<c>region/account/name</c>).</summary>
    [Id(0)] public required string Fleet { get; init; }

    /// <summary>The stack users connect through.</summary>
    [Id(1)] public required string Stack { get; init; }

    /// <summary>Arrivals per minute at the curve's peak (weight 1).</summary>
    [Id(2)] public required double PeakArrivalsPerMinute { get; init; }

    [Id(3)] public required DemandCurve Curve { get; init; }

    /// <summary>The region's offset from UTC in hours, to read the curve in local time.</summary>
    [Id(4)] public double UtcOffsetHours { get; init; }

    [Id(5)] public required SessionLength SessionLength { get; init; }

    [Id(6)] public UserBehavior Behavior { get; init; } = UserBehavior.Default;

    public double ArrivalsPerMinuteAt(DateTimeOffset utc) => PeakArrivalsPerMinute * Curve.WeightAt(utc, UtcOffsetHours);
}
