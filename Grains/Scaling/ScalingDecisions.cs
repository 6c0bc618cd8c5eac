namespace RegionSim.Scaling;

/// <summary>What Application Auto Scaling decides from a policy and a datapoint; no state, no time.</summary>
internal static class ScalingDecisions
{
    /// <summary>The scale-out (or scale-in) condition of a target tracking policy holds this many consecutive minutes before it acts.</summary>
    public const int TargetTrackingScaleOutMinutes = 3;
    public const int TargetTrackingScaleInMinutes = 15;

    /// <summary>Target tracking scales in only below this share of its target, so that it does not flap around it.</summary>
    public const double TargetTrackingScaleInRatio = 0.9;

    public static readonly TimeSpan DefaultCooldown = TimeSpan.FromSeconds(300);

    /// <summary>
    /// A scale-out from <paramref name="current"/> towards <paramref name="proposed"/>, kept within the
    /// target: capacity below the minimum is raised to it; capacity at or above the maximum is left as it is
    /// (only a scale-in lowers capacity above the maximum).
    /// </summary>
    public static int ScaleOut(int current, int proposed, ScalableTarget target)
    {
        if (current >= target.MaxCapacity)
        {
            return current;
        }

        var next = Math.Max(Math.Min(proposed, target.MaxCapacity), target.MinCapacity);
        return Math.Max(next, current);
    }

    /// <summary>
    /// A scale-in from <paramref name="current"/> towards <paramref name="proposed"/>, kept within the
    /// target: capacity above the maximum is lowered to it; capacity at or below the minimum is left as it
    /// is (only a scale-out raises capacity below the minimum).
    /// </summary>
    public static int ScaleIn(int current, int proposed, ScalableTarget target)
    {
        if (current <= target.MinCapacity)
        {
            return current;
        }

        var next = Math.Min(Math.Max(proposed, target.MinCapacity), target.MaxCapacity);
        return Math.Min(next, current);
    }

    /// <summary>The capacity that would bring <paramref name="utilization"/> to <paramref name="targetValue"/>: ceil(capacity × utilization ÷ target).</summary>
    public static int TargetTracking(int current, double utilization, double targetValue) =>
        (int)Math.Ceiling(current * utilization / targetValue - 1e-9);

    /// <summary>The capacity a step scaling policy asks for when its metric is <paramref name="breach"/> away from the alarm's threshold; null when no step covers it.</summary>
    public static int? Step(int current, StepScalingPolicyConfiguration config, double breach)
    {
        foreach (var step in config.StepAdjustments!)
        {
            if ((step.MetricIntervalLowerBound is not { } lower || breach >= lower)
                && (step.MetricIntervalUpperBound is not { } upper || breach < upper))
            {
                return config.AdjustmentType switch
                {
                    AdjustmentType.ExactCapacity => step.ScalingAdjustment,
                    AdjustmentType.PercentChangeInCapacity => current + PercentChange(current, step.ScalingAdjustment, config.MinAdjustmentMagnitude),
                    _ => current + step.ScalingAdjustment,
                };
            }
        }

        return null;
    }

    public static bool Breaches(double value, ComparisonOperator comparison, double threshold) => comparison switch
    {
        ComparisonOperator.GreaterThanOrEqualToThreshold => value >= threshold,
        ComparisonOperator.GreaterThanThreshold => value > threshold,
        ComparisonOperator.LessThanThreshold => value < threshold,
        ComparisonOperator.LessThanOrEqualToThreshold => value <= threshold,
        _ => false,
    };

    /// <summary>
    /// A percent of capacity as whole instances, rounded as Application Auto Scaling rounds it: between 0 and
    /// 1 (or -1 and 0) to 1 (or -1), beyond that towards zero; then at least the minimum magnitude.
    /// </summary>
    private static int PercentChange(int current, int percent, int? minMagnitude)
    {
        var raw = current * percent / 100.0;
        var change = raw switch
        {
            > 0 and < 1 => 1,
            < 0 and > -1 => -1,
            _ => (int)Math.Truncate(raw),
        };
        if (minMagnitude is { } magnitude && change != 0 && Math.Abs(change) < magnitude)
        {
            change = Math.Sign(change) * magnitude;
        }

        return change;
    }
}
