namespace RegionSim.Scaling;

/// <summary>A fleet's Application Auto Scaling configuration and what it has done.</summary>
[GenerateSerializer, Immutable, Alias("RegionSim.FleetScaling")]
public sealed record FleetScaling
{
    [Id(0)] public ScalableTarget? ScalableTarget { get; init; }
    [Id(1)] public required IReadOnlyList<ScalingPolicy> ScalingPolicies { get; init; }
    [Id(2)] public required IReadOnlyList<ScheduledAction> ScheduledActions { get; init; }

    /// <summary>The most recent scaling activities, newest last.</summary>
    [Id(3)] public required IReadOnlyList<ScalingActivity> ScalingActivities { get; init; }
}

[GenerateSerializer, Immutable, Alias("RegionSim.ScalingActivity")]
public sealed record ScalingActivity
{
    [Id(0)] public required DateTimeOffset StartTime { get; init; }

    /// <summary>The policy or scheduled action that acted.</summary>
    [Id(1)] public required string Cause { get; init; }
    [Id(2)] public required int FromCapacity { get; init; }
    [Id(3)] public required int ToCapacity { get; init; }
}
