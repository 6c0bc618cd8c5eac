namespace RegionSim.Scaling;

/// <summary>PutScalingPolicy: a target tracking policy, or a step scaling policy with the alarm that invokes it.</summary>
[GenerateSerializer, Immutable, Alias("RegionSim.PutScalingPolicyRequest")]
public sealed record PutScalingPolicyRequest
{
    [Id(0)] public string? PolicyName { get; init; }
    [Id(1)] public ScalingPolicyType? PolicyType { get; init; }
    [Id(2)] public TargetTrackingScalingPolicyConfiguration? TargetTrackingScalingPolicyConfiguration { get; init; }
    [Id(3)] public StepScalingPolicyConfiguration? StepScalingPolicyConfiguration { get; init; }

    /// <summary>The CloudWatch alarm that invokes a step scaling policy (in AWS made with PutMetricAlarm).</summary>
    [Id(4)] public MetricAlarm? Alarm { get; init; }
}

/// <summary>A policy as DescribeScaling shows it.</summary>
[GenerateSerializer, Immutable, Alias("RegionSim.ScalingPolicy")]
public sealed record ScalingPolicy
{
    [Id(0)] public required string PolicyName { get; init; }
    [Id(1)] public required ScalingPolicyType PolicyType { get; init; }
    [Id(2)] public TargetTrackingScalingPolicyConfiguration? TargetTrackingScalingPolicyConfiguration { get; init; }
    [Id(3)] public StepScalingPolicyConfiguration? StepScalingPolicyConfiguration { get; init; }
    [Id(4)] public MetricAlarm? Alarm { get; init; }
}

[GenerateSerializer]
public enum ScalingPolicyType
{
    StepScaling,
    TargetTrackingScaling,
}

/// <summary>
/// Keeps CapacityUtilization near <see cref="TargetValue"/>: scales out after 3 consecutive minutes above
/// it, in after 15 consecutive minutes below 90% of it, to ceil(capacity × utilization ÷ target).
/// </summary>
[GenerateSerializer, Immutable, Alias("RegionSim.TargetTrackingScalingPolicyConfiguration")]
public sealed record TargetTrackingScalingPolicyConfiguration
{
    /// <summary>The CapacityUtilization to keep, in percent (0-100).</summary>
    [Id(0)] public double? TargetValue { get; init; }

    /// <summary>Only <c>AppStreamAverageCapacityUtilization</c>.</summary>
    [Id(1)] public string PredefinedMetricType { get; init; } = AverageCapacityUtilization;

    /// <summary>Seconds after a scale-out before the next one; default 300.</summary>
    [Id(2)] public int? ScaleOutCooldown { get; init; }

    /// <summary>Seconds after a scale-in before the next one; default 300.</summary>
    [Id(3)] public int? ScaleInCooldown { get; init; }
    [Id(4)] public bool? DisableScaleIn { get; init; }

    public const string AverageCapacityUtilization = "AppStreamAverageCapacityUtilization";
}

[GenerateSerializer, Immutable, Alias("RegionSim.StepScalingPolicyConfiguration")]
public sealed record StepScalingPolicyConfiguration
{
    [Id(0)] public AdjustmentType? AdjustmentType { get; init; }
    [Id(1)] public IReadOnlyList<StepAdjustment>? StepAdjustments { get; init; }

    /// <summary>With PercentChangeInCapacity: the least number of instances to add or remove.</summary>
    [Id(2)] public int? MinAdjustmentMagnitude { get; init; }

    /// <summary>Seconds after an activity of this policy before its next; default 300.</summary>
    [Id(3)] public int? Cooldown { get; init; }
}

[GenerateSerializer]
public enum AdjustmentType
{
    ChangeInCapacity,
    PercentChangeInCapacity,
    ExactCapacity,
}

/// <summary>
/// One step: applies when (metric − alarm threshold) lies in [<see cref="MetricIntervalLowerBound"/>,
/// <see cref="MetricIntervalUpperBound"/>); a missing bound is infinite.
/// </summary>
[GenerateSerializer, Immutable, Alias("RegionSim.StepAdjustment")]
public sealed record StepAdjustment
{
    [Id(0)] public double? MetricIntervalLowerBound { get; init; }
    [Id(1)] public double? MetricIntervalUpperBound { get; init; }
    [Id(2)] public required int ScalingAdjustment { get; init; }
}

/// <summary>A CloudWatch alarm on one of the fleet's metrics, evaluated on 1-minute datapoints.</summary>
[GenerateSerializer, Immutable, Alias("RegionSim.MetricAlarm")]
public sealed record MetricAlarm
{
    [Id(0)] public FleetMetricName? MetricName { get; init; }
    [Id(1)] public ComparisonOperator? ComparisonOperator { get; init; }
    [Id(2)] public double? Threshold { get; init; }

    /// <summary>Consecutive breaching minutes before the alarm fires; default 1.</summary>
    [Id(3)] public int? EvaluationPeriods { get; init; }
}

[GenerateSerializer]
public enum ComparisonOperator
{
    GreaterThanOrEqualToThreshold,
    GreaterThanThreshold,
    LessThanThreshold,
    LessThanOrEqualToThreshold,
}
