namespace RegionSim.Scaling;

/// <summary>
/// PutScheduledAction: at each time of <see cref="Schedule"/> (<c>at(yyyy-mm-ddThh:mm:ss)</c>,
/// <c>rate(N minutes|hours|days)</c> or <c>cron(minutes hours day-of-month month day-of-week year)</c>),
/// the target's minimum and maximum change, and capacity outside them is brought inside.
/// </summary>
[GenerateSerializer, Immutable, Alias("RegionSim.PutScheduledActionRequest")]
public sealed record PutScheduledActionRequest
{
    [Id(0)] public string? ScheduledActionName { get; init; }
    [Id(1)] public string? Schedule { get; init; }

    /// <summary>An IANA time zone for <c>at</c> and <c>cron</c> schedules; UTC when absent.</summary>
    [Id(2)] public string? Timezone { get; init; }
    [Id(3)] public DateTimeOffset? StartTime { get; init; }
    [Id(4)] public DateTimeOffset? EndTime { get; init; }
    [Id(5)] public ScalableTargetAction? ScalableTargetAction { get; init; }
}

[GenerateSerializer, Immutable, Alias("RegionSim.ScalableTargetAction")]
public sealed record ScalableTargetAction
{
    [Id(0)] public int? MinCapacity { get; init; }
    [Id(1)] public int? MaxCapacity { get; init; }
}

[GenerateSerializer, Immutable, Alias("RegionSim.ScheduledAction")]
public sealed record ScheduledAction
{
    [Id(0)] public required string ScheduledActionName { get; init; }
    [Id(1)] public required string Schedule { get; init; }
    [Id(2)] public string? Timezone { get; init; }
    [Id(3)] public DateTimeOffset? StartTime { get; init; }
    [Id(4)] public DateTimeOffset? EndTime { get; init; }
    [Id(5)] public required ScalableTargetAction ScalableTargetAction { get; init; }

    /// <summary>When it runs next, or null when it will not run again.</summary>
    [Id(6)] public DateTimeOffset? NextRun { get; init; }
}
