using RegionSim.Errors;
using RegionSim.Validation;

namespace RegionSim.Scaling;

/// <summary>The rules of PutScalingPolicy and PutScheduledAction requests.</summary>
internal static class ScalingRequestRules
{
    public static ScalingPolicy Policy(PutScalingPolicyRequest request)
    {
        var name = PolicyName(request.PolicyName, nameof(request.PolicyName));
        var type = Check.Required(request.PolicyType, nameof(request.PolicyType));
        if (type == ScalingPolicyType.TargetTrackingScaling)
        {
            var config = Check.Required(request.TargetTrackingScalingPolicyConfiguration, nameof(request.TargetTrackingScalingPolicyConfiguration));
            if (request.StepScalingPolicyConfiguration is not null || request.Alarm is not null)
            {
                throw AppStreamException.Invalid("A TargetTrackingScaling policy takes no StepScalingPolicyConfiguration or Alarm.");
            }

            var target = Check.Required(config.TargetValue, "TargetTrackingScalingPolicyConfiguration.TargetValue");
            if (target is <= 0 or > 100 || double.IsNaN(target))
            {
                throw AppStreamException.Invalid($"TargetValue {target} is not a CapacityUtilization: it must be above 0 and at most 100.");
            }

            if (config.PredefinedMetricType != TargetTrackingScalingPolicyConfiguration.AverageCapacityUtilization)
            {
                throw AppStreamException.Invalid($"PredefinedMetricType must be {TargetTrackingScalingPolicyConfiguration.AverageCapacityUtilization} for an AppStream fleet.");
            }

            Check.Range(config.ScaleInCooldown, 0, 86400, "ScaleInCooldown");
            Check.Range(config.ScaleOutCooldown, 0, 86400, "ScaleOutCooldown");
            return new ScalingPolicy { PolicyName = name, PolicyType = type, TargetTrackingScalingPolicyConfiguration = config };
        }

        var step = Check.Required(request.StepScalingPolicyConfiguration, nameof(request.StepScalingPolicyConfiguration));
        var alarm = Check.Required(request.Alarm, nameof(request.Alarm));
        if (request.TargetTrackingScalingPolicyConfiguration is not null)
        {
            throw AppStreamException.Invalid("A StepScaling policy takes no TargetTrackingScalingPolicyConfiguration.");
        }

        var adjustment = Check.Required(step.AdjustmentType, "StepScalingPolicyConfiguration.AdjustmentType");
        if (Check.Required(step.StepAdjustments, "StepScalingPolicyConfiguration.StepAdjustments").Count == 0)
        {
            throw AppStreamException.Invalid("StepScalingPolicyConfiguration.StepAdjustments needs at least one step.");
        }

        if (adjustment == AdjustmentType.ExactCapacity && step.StepAdjustments!.Any(s => s.ScalingAdjustment < 0))
        {
            throw AppStreamException.Invalid("With ExactCapacity, every ScalingAdjustment is a capacity: 0 or more.");
        }

        if (step.MinAdjustmentMagnitude is not null && adjustment != AdjustmentType.PercentChangeInCapacity)
        {
            throw AppStreamException.Invalid("MinAdjustmentMagnitude goes with PercentChangeInCapacity only.");
        }

        Check.Range(step.MinAdjustmentMagnitude, 1, 100_000, "MinAdjustmentMagnitude");
        Check.Range(step.Cooldown, 0, 86400, "Cooldown");
        Check.Required(alarm.MetricName, "Alarm.MetricName");
        Check.Required(alarm.ComparisonOperator, "Alarm.ComparisonOperator");
        Check.Required(alarm.Threshold, "Alarm.Threshold");
        Check.Range(alarm.EvaluationPeriods, 1, 1440, "Alarm.EvaluationPeriods");
        return new ScalingPolicy { PolicyName = name, PolicyType = type, StepScalingPolicyConfiguration = step, Alarm = alarm };
    }

    public static (ScheduledAction Action, ScheduleExpression Schedule) ScheduledAction(PutScheduledActionRequest request)
    {
        var name = PolicyName(request.ScheduledActionName, nameof(request.ScheduledActionName));
        var schedule = ScheduleExpression.Parse(Check.Required(request.Schedule, nameof(request.Schedule)), request.Timezone);
        var bounds = Check.Required(request.ScalableTargetAction, nameof(request.ScalableTargetAction));
        if (bounds.MinCapacity is null && bounds.MaxCapacity is null)
        {
            throw AppStreamException.Invalid("ScalableTargetAction needs MinCapacity, MaxCapacity or both.");
        }

        Check.Range(bounds.MinCapacity, 0, Fleets.FleetRequestRules.MaxDesiredInstances, "ScalableTargetAction.MinCapacity");
        Check.Range(bounds.MaxCapacity, 0, Fleets.FleetRequestRules.MaxDesiredInstances, "ScalableTargetAction.MaxCapacity");
        if (bounds.MinCapacity > bounds.MaxCapacity)
        {
            throw AppStreamException.Invalid($"ScalableTargetAction.MinCapacity ({bounds.MinCapacity}) must not be greater than MaxCapacity ({bounds.MaxCapacity}).");
        }

        if (request.StartTime is { } start && request.EndTime is { } end && end <= start)
        {
            throw AppStreamException.Invalid("EndTime must come after StartTime.");
        }

        return (new ScheduledAction
        {
            ScheduledActionName = name,
            Schedule = request.Schedule!,
            Timezone = request.Timezone,
            StartTime = request.StartTime,
            EndTime = request.EndTime,
            ScalableTargetAction = bounds,
        }, schedule);
    }

    /// <summary>Policy and scheduled action names: 1-256 printable characters.</summary>
    private static string PolicyName(string? name, string member)
    {
        Check.MinLength(Check.MaxLength(Check.Required(name, member), 256, member), 1, member);
        return name!.All(c => !char.IsControl(c))
            ? name!
            : throw AppStreamException.Invalid($"1 validation error detected: Value at '{member}' failed to satisfy constraint: Member must be printable characters");
    }
}
