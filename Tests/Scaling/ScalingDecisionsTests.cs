using RegionSim.Scaling;

namespace RegionSim.Tests.Scaling;

/// <summary>Application Auto Scaling's arithmetic and its documented edge cases, without a cluster.</summary>
public sealed class ScalingDecisionsTests
{
    private static readonly ScalableTarget Target = new() { ResourceId = "fleet/f", MinCapacity = 3, MaxCapacity = 10 };

    [Theory]
    [InlineData(0, 1, 3)]    // below the minimum: a scale-out raises capacity to the minimum
    [InlineData(1, 2, 3)]
    [InlineData(5, 7, 7)]
    [InlineData(5, 12, 10)]  // never above the maximum
    [InlineData(12, 15, 12)] // above the maximum: a scale-out leaves it
    [InlineData(10, 11, 10)]
    public void A_scale_out_stays_within_the_target(int current, int proposed, int expected) =>
        Assert.Equal(expected, ScalingDecisions.ScaleOut(current, proposed, Target));

    [Theory]
    [InlineData(12, 11, 10)] // above the maximum: a scale-in lowers capacity to the maximum
    [InlineData(12, 2, 3)]
    [InlineData(8, 6, 6)]
    [InlineData(8, 1, 3)]    // never below the minimum
    [InlineData(2, 0, 2)]    // below the minimum: a scale-in leaves it
    [InlineData(3, 1, 3)]
    public void A_scale_in_stays_within_the_target(int current, int proposed, int expected) =>
        Assert.Equal(expected, ScalingDecisions.ScaleIn(current, proposed, Target));

    [Theory]
    [InlineData(10, 90, 75, 12)]
    [InlineData(4, 75, 75, 4)]
    [InlineData(3, 100, 75, 4)]
    [InlineData(8, 25, 75, 3)]
    [InlineData(8, 0, 75, 0)]
    public void Target_tracking_asks_for_the_capacity_that_brings_utilization_to_target(int current, double utilization, double target, int expected) =>
        Assert.Equal(expected, ScalingDecisions.TargetTracking(current, utilization, target));

    [Theory]
    [InlineData(AdjustmentType.ChangeInCapacity, 2, null, 10, 12)]
    [InlineData(AdjustmentType.ChangeInCapacity, -3, null, 10, 7)]
    [InlineData(AdjustmentType.ExactCapacity, 6, null, 10, 6)]
    [InlineData(AdjustmentType.PercentChangeInCapacity, 25, null, 10, 12)]  // 2.5 rounds towards zero
    [InlineData(AdjustmentType.PercentChangeInCapacity, 25, null, 2, 3)]    // 0.5 rounds up to 1
    [InlineData(AdjustmentType.PercentChangeInCapacity, -25, null, 2, 1)]   // -0.5 rounds down to -1
    [InlineData(AdjustmentType.PercentChangeInCapacity, 10, 3, 10, 13)]     // at least MinAdjustmentMagnitude
    public void Step_scaling_adjusts_as_its_type_says(AdjustmentType type, int adjustment, int? minMagnitude, int current, int expected)
    {
        var config = new StepScalingPolicyConfiguration
        {
            AdjustmentType = type, MinAdjustmentMagnitude = minMagnitude, StepAdjustments = [new StepAdjustment { ScalingAdjustment = adjustment }],
        };
        Assert.Equal(expected, ScalingDecisions.Step(current, config, breach: 1));
    }

    [Fact]
    public void The_step_is_the_one_whose_interval_holds_the_distance_from_the_threshold()
    {
        var config = new StepScalingPolicyConfiguration
        {
            AdjustmentType = AdjustmentType.ChangeInCapacity,
            StepAdjustments =
            [
                new StepAdjustment { MetricIntervalLowerBound = 0, MetricIntervalUpperBound = 10, ScalingAdjustment = 1 },
                new StepAdjustment { MetricIntervalLowerBound = 10, ScalingAdjustment = 3 },
            ],
        };
        Assert.Equal(6, ScalingDecisions.Step(5, config, 0));
        Assert.Equal(6, ScalingDecisions.Step(5, config, 9.9));
        Assert.Equal(8, ScalingDecisions.Step(5, config, 10));
        Assert.Null(ScalingDecisions.Step(5, config, -1));
    }

    [Theory]
    [InlineData(ComparisonOperator.GreaterThanThreshold, 75, 75, false)]
    [InlineData(ComparisonOperator.GreaterThanOrEqualToThreshold, 75, 75, true)]
    [InlineData(ComparisonOperator.LessThanThreshold, 74, 75, true)]
    [InlineData(ComparisonOperator.LessThanOrEqualToThreshold, 76, 75, false)]
    public void Alarms_compare_as_their_operator_says(ComparisonOperator comparison, double value, double threshold, bool breaches) =>
        Assert.Equal(breaches, ScalingDecisions.Breaches(value, comparison, threshold));
}
