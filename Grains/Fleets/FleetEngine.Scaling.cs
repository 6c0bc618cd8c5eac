using RegionSim.Scaling;
using RegionSim.Telemetry;

namespace RegionSim.Fleets;

/// <summary>
/// Metrics and scaling. Each minute closes with a datapoint of the fleet's capacity (metrics do not
/// change between events, so quiet minutes are closed when the fleet next runs), and the fleet's
/// policies look at every minute just closed; the fleet runs when one of them could act.
/// </summary>
internal sealed partial class FleetEngine
{
    private readonly KeyValuePair<string, object?>[] _fleetTag = new KeyValuePair<string, object?>[1];

    /// <summary>Whether the policies look at each minute: a registered target with policies, a RUNNING fleet whose image it may use.</summary>
    private bool ScalingEvaluates =>
        _state.Scaling.Target is not null && _state.Scaling.Policies.Count > 0
        && _state.State == FleetState.Running && !_state.ImageAccessRevoked;

    public void RegisterScalableTarget(int minCapacity, int maxCapacity)
    {
        _state.Scaling.Target = new ScalableTarget { ResourceId = $"fleet/{Key.Name}", MinCapacity = minCapacity, MaxCapacity = maxCapacity };
        _changed = true;
    }

    public void DeregisterScalableTarget()
    {
        _state.Scaling.Target = null;
        _state.Scaling.Policies.Clear();
        _state.Scaling.ScheduledActions.Clear();
        _changed = true;
    }

    /// <summary>Adds or replaces a policy; a replaced policy starts its alarms afresh.</summary>
    public void PutScalingPolicy(ScalingPolicy policy)
    {
        var policies = _state.Scaling.Policies;
        policies.RemoveAll(existing => existing.Policy.PolicyName == policy.PolicyName);
        policies.Add(new ScalingPolicyState { Policy = policy });
        policies.Sort((a, b) => string.CompareOrdinal(a.Policy.PolicyName, b.Policy.PolicyName));
        _changed = true;
    }

    public bool DeleteScalingPolicy(string policyName)
    {
        var removed = _state.Scaling.Policies.RemoveAll(existing => existing.Policy.PolicyName == policyName) > 0;
        _changed |= removed;
        return removed;
    }

    /// <summary>Adds or replaces a scheduled action and sets it to run at its next time.</summary>
    public void PutScheduledAction(ScheduledAction action, ScheduleExpression schedule)
    {
        var actions = _state.Scaling.ScheduledActions;
        actions.RemoveAll(existing => existing.Action.ScheduledActionName == action.ScheduledActionName);
        var next = schedule.NextAfter(_now - TimeSpan.FromTicks(1), _now, action.StartTime, action.EndTime);
        actions.Add(new ScheduledActionState { Action = action with { NextRun = next }, Anchor = _now });
        actions.Sort((a, b) => string.CompareOrdinal(a.Action.ScheduledActionName, b.Action.ScheduledActionName));
        _changed = true;
        if (next is { } due)
        {
            Push(due, TimerKind.ScheduledAction, action.ScheduledActionName);
        }
    }

    public bool DeleteScheduledAction(string name)
    {
        var removed = _state.Scaling.ScheduledActions.RemoveAll(existing => existing.Action.ScheduledActionName == name) > 0;
        _changed |= removed;
        return removed;
    }

    public FleetScaling DescribeScaling() => new()
    {
        ScalableTarget = _state.Scaling.Target,
        ScalingPolicies = _state.Scaling.Policies.Select(policy => policy.Policy).ToList(),
        ScheduledActions = _state.Scaling.ScheduledActions.Select(scheduled => scheduled.Action).ToList(),
        ScalingActivities = [.. _state.Scaling.Activities],
    };

    /// <summary>The datapoints of the last <paramref name="minutes"/> minutes before <paramref name="now"/>, including quiet minutes not closed yet.</summary>
    public FleetMetrics ReadMetrics(DateTimeOffset now, int minutes)
    {
        var history = _state.Metrics;
        var points = history.Recent(FleetMetrics.HistoryMinutes).Select(minute => minute.ToDatapoint()).ToList();
        var open = history.OpenMinute;
        for (var insufficient = history.OpenInsufficient; _state.Exists && open + Minute <= now && points.Count < 2 * FleetMetrics.HistoryMinutes; insufficient = 0)
        {
            points.Add(CurrentMinute(open.UtcTicks, insufficient).ToDatapoint());
            open += Minute;
        }

        return new FleetMetrics { Datapoints = points.Skip(Math.Max(0, points.Count - Math.Min(minutes, FleetMetrics.HistoryMinutes))).ToList() };
    }

    /// <summary>Closes every minute that has ended by <paramref name="time"/>; scaling evaluates at each minute's end.</summary>
    private void CloseMinutesThrough(DateTimeOffset time)
    {
        var history = _state.Metrics;
        while (history.OpenMinute + Minute <= time)
        {
            var minute = CurrentMinute(history.OpenMinute.UtcTicks, history.OpenInsufficient);
            history.Add(minute);
            history.OpenInsufficient = 0;
            history.OpenMinute += Minute;
            _changed = true;
            Emit(minute);
            if (ScalingEvaluates)
            {
                _now = history.OpenMinute > _now ? history.OpenMinute : _now;
                EvaluateScaling(minute);
            }
            else if (history.OpenMinute + Minute * FleetMetrics.HistoryMinutes < time)
            {
                // A long quiet stretch: minutes older than the history keeps need not be written one by one.
                history.OpenMinute = FloorToMinute(time) - Minute * FleetMetrics.HistoryMinutes;
            }
        }
    }

    private FleetMinute CurrentMinute(long startTicks, int insufficient) => new(
        startTicks,
        IsElastic ? _inUseCount : _state.DesiredInstances,
        _availableCount + _inUseCount,
        _inUseCount,
        _provisioningCount,
        insufficient);

    private void Emit(in FleetMinute minute)
    {
        if (!RegionSimTelemetry.FleetCapacityUtilization.Enabled && !RegionSimTelemetry.FleetAvailableCapacity.Enabled)
        {
            return;
        }

        _fleetTag[0] = new KeyValuePair<string, object?>("fleet", _keyText);
        RegionSimTelemetry.FleetCapacityUtilization.Record(minute.CapacityUtilization, _fleetTag);
        RegionSimTelemetry.FleetAvailableCapacity.Record(minute.Actual - minute.InUse, _fleetTag);
    }

    /// <summary>
    /// The earliest minute's end at which a policy could change the desired capacity if nothing else
    /// happens first, or null when none could. While a fleet is quiet every minute closes with the same
    /// datapoint, so a policy's count of consecutive minutes, its cooldowns and its arithmetic say exactly
    /// when: the fleet needs to run then, not at every minute (minutes are still evaluated one by one when
    /// it runs).
    /// </summary>
    private DateTimeOffset? NextScalingChange()
    {
        var history = _state.Metrics;
        if (history.OpenInsufficient > 0)
        {
            // The open minute differs from the quiet ones after it: look again when it closes.
            return history.OpenMinute + Minute;
        }

        var datapoint = CurrentMinute(history.OpenMinute.UtcTicks, 0);
        DateTimeOffset? earliest = null;
        foreach (var policy in _state.Scaling.Policies)
        {
            earliest = Earliest(earliest, policy.Policy.PolicyType == ScalingPolicyType.TargetTrackingScaling
                ? TargetTrackingChange(policy, datapoint)
                : StepChange(policy, datapoint));
        }

        return earliest;
    }

    private DateTimeOffset? TargetTrackingChange(ScalingPolicyState policy, in FleetMinute datapoint)
    {
        var config = policy.Policy.TargetTrackingScalingPolicyConfiguration!;
        var target = config.TargetValue!.Value;
        var utilization = datapoint.CapacityUtilization;
        var current = _state.DesiredInstances;
        var proposal = ScalingDecisions.TargetTracking(current, utilization, target);
        if (utilization > target)
        {
            return ScalingDecisions.ScaleOut(current, proposal, _state.Scaling.Target!) == current
                ? null
                : MinuteEndAfter(ScalingDecisions.TargetTrackingScaleOutMinutes - policy.High, CoolUntil(policy.LastScaleOut, config.ScaleOutCooldown));
        }

        if (utilization < target * ScalingDecisions.TargetTrackingScaleInRatio && config.DisableScaleIn != true)
        {
            return ScalingDecisions.ScaleIn(current, proposal, _state.Scaling.Target!) == current
                ? null
                : MinuteEndAfter(ScalingDecisions.TargetTrackingScaleInMinutes - policy.Low,
                    Later(CoolUntil(policy.LastScaleIn, config.ScaleInCooldown), CoolUntil(policy.LastScaleOut, config.ScaleOutCooldown)));
        }

        return null;
    }

    private DateTimeOffset? StepChange(ScalingPolicyState policy, in FleetMinute datapoint)
    {
        var alarm = policy.Policy.Alarm!;
        var config = policy.Policy.StepScalingPolicyConfiguration!;
        var value = datapoint.Value(alarm.MetricName!.Value);
        var threshold = alarm.Threshold!.Value;
        var current = _state.DesiredInstances;
        if (!ScalingDecisions.Breaches(value, alarm.ComparisonOperator!.Value, threshold)
            || ScalingDecisions.Step(current, config, value - threshold) is not { } proposal
            || (proposal > current ? ScalingDecisions.ScaleOut(current, proposal, _state.Scaling.Target!) : ScalingDecisions.ScaleIn(current, proposal, _state.Scaling.Target!)) == current)
        {
            return null;
        }

        return MinuteEndAfter((alarm.EvaluationPeriods ?? 1) - policy.High, CoolUntil(Later(policy.LastScaleOut, policy.LastScaleIn), config.Cooldown));
    }

    /// <summary>The end of the <paramref name="closings"/>-th minute to close from now (at least the first), and no earlier than <paramref name="notBefore"/>.</summary>
    private DateTimeOffset MinuteEndAfter(int closings, DateTimeOffset? notBefore)
    {
        var end = _state.Metrics.OpenMinute + (Minute * Math.Max(1, closings));
        if (notBefore is { } cooled && cooled > end)
        {
            end += Minute * Math.Ceiling((cooled - end) / Minute);
        }

        return end;
    }

    private static DateTimeOffset? CoolUntil(DateTimeOffset? last, int? cooldownSeconds) =>
        last is { } at ? at + (cooldownSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : ScalingDecisions.DefaultCooldown) : null;

    /// <summary>
    /// Every policy looks at the minute just closed. When several want to scale out, the largest capacity
    /// wins; a scale-in happens only when none wants to scale out, to the largest capacity any asks for.
    /// </summary>
    private void EvaluateScaling(in FleetMinute minute)
    {
        var scaling = _state.Scaling;
        var current = _state.DesiredInstances;
        int? scaleOut = null, scaleIn = null;
        foreach (var policy in scaling.Policies)
        {
            policy.Proposal = null;
            var proposal = policy.Policy.PolicyType == ScalingPolicyType.TargetTrackingScaling
                ? TargetTrackingProposal(policy, minute, current)
                : StepProposal(policy, minute, current);
            if (proposal > current)
            {
                scaleOut = Math.Max(scaleOut ?? proposal.Value, proposal.Value);
                policy.Proposal = proposal;
            }
            else if (proposal < current)
            {
                scaleIn = Math.Max(scaleIn ?? proposal.Value, proposal.Value);
                policy.Proposal = proposal;
            }
        }

        if (scaleOut is { } up)
        {
            Scale(ScalingDecisions.ScaleOut(current, up, scaling.Target!), outwards: true);
        }
        else if (scaleIn is { } down)
        {
            Scale(ScalingDecisions.ScaleIn(current, down, scaling.Target!), outwards: false);
        }
    }

    private int? TargetTrackingProposal(ScalingPolicyState policy, in FleetMinute minute, int current)
    {
        var config = policy.Policy.TargetTrackingScalingPolicyConfiguration!;
        var target = config.TargetValue!.Value;
        var utilization = minute.CapacityUtilization;
        policy.High = utilization > target ? policy.High + 1 : 0;
        policy.Low = utilization < target * ScalingDecisions.TargetTrackingScaleInRatio ? policy.Low + 1 : 0;
        if (policy.High >= ScalingDecisions.TargetTrackingScaleOutMinutes && !Cooling(policy.LastScaleOut, config.ScaleOutCooldown))
        {
            return ScalingDecisions.TargetTracking(current, utilization, target);
        }

        if (policy.Low >= ScalingDecisions.TargetTrackingScaleInMinutes && config.DisableScaleIn != true
            && !Cooling(policy.LastScaleIn, config.ScaleInCooldown) && !Cooling(policy.LastScaleOut, config.ScaleOutCooldown))
        {
            return ScalingDecisions.TargetTracking(current, utilization, target);
        }

        return null;
    }

    private int? StepProposal(ScalingPolicyState policy, in FleetMinute minute, int current)
    {
        var alarm = policy.Policy.Alarm!;
        var config = policy.Policy.StepScalingPolicyConfiguration!;
        var value = minute.Value(alarm.MetricName!.Value);
        var threshold = alarm.Threshold!.Value;
        policy.High = ScalingDecisions.Breaches(value, alarm.ComparisonOperator!.Value, threshold) ? policy.High + 1 : 0;
        var last = Later(policy.LastScaleOut, policy.LastScaleIn);
        return policy.High >= (alarm.EvaluationPeriods ?? 1) && !Cooling(last, config.Cooldown)
            ? ScalingDecisions.Step(current, config, value - threshold)
            : null;
    }

    private void Scale(int next, bool outwards)
    {
        var current = _state.DesiredInstances;
        if (next == current)
        {
            return;
        }

        foreach (var policy in _state.Scaling.Policies)
        {
            if (policy.Proposal is { } proposal && proposal > current == outwards)
            {
                if (outwards)
                {
                    policy.LastScaleOut = _now;
                }
                else
                {
                    policy.LastScaleIn = _now;
                }
            }
        }

        var causes = string.Join(", ", _state.Scaling.Policies.Where(policy => policy.Proposal is { } p && p > current == outwards).Select(policy => policy.Policy.PolicyName));
        RecordActivity($"policy {causes}", current, next);
        SetDesired(next);
    }

    /// <summary>A scheduled action's time has come: the target's bounds change, and capacity outside them is brought inside.</summary>
    private void RunScheduledAction(string name)
    {
        var scheduled = FindScheduledAction(name)!;
        var action = scheduled.Action;
        if (_state.Scaling.Target is { } target)
        {
            var min = action.ScalableTargetAction.MinCapacity ?? target.MinCapacity;
            var max = action.ScalableTargetAction.MaxCapacity ?? target.MaxCapacity;
            (min, max) = action.ScalableTargetAction.MinCapacity is null ? (Math.Min(min, max), max) : (min, Math.Max(min, max));
            _state.Scaling.Target = target with { MinCapacity = min, MaxCapacity = max };
            var current = _state.DesiredInstances;
            if (!_state.ImageAccessRevoked && !IsElastic && Math.Clamp(current, min, max) is var next && next != current)
            {
                RecordActivity($"scheduled action {name}", current, next);
                SetDesired(next);
            }
        }

        var schedule = ScheduleExpression.Parse(action.Schedule, action.Timezone);
        var again = schedule.NextAfter(_now, scheduled.Anchor, action.StartTime, action.EndTime);
        scheduled.Action = action with { NextRun = again };
        if (again is { } due)
        {
            Push(due, TimerKind.ScheduledAction, name);
        }
    }

    private ScheduledActionState? FindScheduledAction(string name) =>
        _state.Scaling.ScheduledActions.Find(scheduled => scheduled.Action.ScheduledActionName == name);

    private void RecordActivity(string cause, int from, int to)
    {
        var activities = _state.Scaling.Activities;
        activities.Add(new ScalingActivity { StartTime = _now, Cause = cause, FromCapacity = from, ToCapacity = to });
        if (activities.Count > FleetScalingState.MaxActivities)
        {
            activities.RemoveAt(0);
        }

        RegionSimTelemetry.ScalingActivities.Add(1, new KeyValuePair<string, object?>("direction", to > from ? "out" : "in"));
    }

    private bool Cooling(DateTimeOffset? last, int? cooldownSeconds) =>
        last is { } at && _now < at + (cooldownSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : ScalingDecisions.DefaultCooldown);

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
