using RegionSim.Errors;
using RegionSim.Scaling;
using RegionSim.Validation;

namespace RegionSim.Fleets;

/// <summary>The fleet's Application Auto Scaling and metrics (<see cref="IFleetScalingGrain"/>).</summary>
public sealed partial class FleetGrain
{
    async Task IFleetScalingGrain.RegisterScalableTargetAsync(RegisterScalableTargetRequest request)
    {
        RequireExists();
        if (Settings.FleetType == FleetType.Elastic)
        {
            throw AppStreamException.Invalid($"Fleet {_key.Name} is ELASTIC: AppStream manages its capacity, and it can't be a scalable target.");
        }

        var min = Check.Range(Check.Required(request.MinCapacity, nameof(request.MinCapacity)), 0, FleetRequestRules.MaxDesiredInstances, nameof(request.MinCapacity))!.Value;
        var max = Check.Range(Check.Required(request.MaxCapacity, nameof(request.MaxCapacity)), 0, FleetRequestRules.MaxDesiredInstances, nameof(request.MaxCapacity))!.Value;
        if (min > max)
        {
            throw AppStreamException.Invalid($"MinCapacity ({min}) must not be greater than MaxCapacity ({max}).");
        }

        Advance().RegisterScalableTarget(min, max);
        await SettleAsync();
    }

    async Task IFleetScalingGrain.DeregisterScalableTargetAsync()
    {
        RequireTarget();
        Advance().DeregisterScalableTarget();
        await SettleAsync();
    }

    async Task IFleetScalingGrain.PutScalingPolicyAsync(PutScalingPolicyRequest request)
    {
        RequireTarget();
        Advance().PutScalingPolicy(ScalingRequestRules.Policy(request));
        await SettleAsync();
    }

    async Task IFleetScalingGrain.DeleteScalingPolicyAsync(string policyName)
    {
        RequireTarget();
        if (!Advance().DeleteScalingPolicy(policyName))
        {
            throw AppStreamException.NotFound($"Fleet {_key.Name} has no scaling policy named {policyName}.");
        }

        await SettleAsync();
    }

    async Task IFleetScalingGrain.PutScheduledActionAsync(PutScheduledActionRequest request)
    {
        RequireTarget();
        var (action, schedule) = ScalingRequestRules.ScheduledAction(request);
        Advance().PutScheduledAction(action, schedule);
        await SettleAsync();
    }

    async Task IFleetScalingGrain.DeleteScheduledActionAsync(string scheduledActionName)
    {
        RequireTarget();
        if (!Advance().DeleteScheduledAction(scheduledActionName))
        {
            throw AppStreamException.NotFound($"Fleet {_key.Name} has no scheduled action named {scheduledActionName}.");
        }

        await SettleAsync();
    }

    Task<FleetScaling> IFleetScalingGrain.DescribeScalingAsync()
    {
        RequireExists();
        return Task.FromResult(_engine.DescribeScaling());
    }

    Task<FleetMetrics> IFleetScalingGrain.GetMetricsAsync(int minutes)
    {
        RequireExists();
        Check.Range(minutes, 1, FleetMetrics.HistoryMinutes, nameof(minutes));
        return Task.FromResult(_engine.ReadMetrics(time.GetUtcNow(), minutes));
    }

    private void RequireTarget()
    {
        RequireExists();
        if (Fleet.Scaling.Target is null)
        {
            throw AppStreamException.NotFound($"Fleet {_key.Name} is not a scalable target; register it (RegisterScalableTarget) first.");
        }
    }
}
