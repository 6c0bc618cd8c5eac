namespace RegionSim.Scaling;

/// <summary>
/// Application Auto Scaling for one fleet, and the fleet's metrics (key: the fleet's key). Application
/// Auto Scaling is another AWS API; these are simulator-level operations shaped after it, for scripts and
/// scenarios. A facet of the fleet grain.
/// </summary>
[Alias("RegionSim.Scaling.IFleetScalingGrain")]
public interface IFleetScalingGrain : IGrainWithStringKey
{
    /// <summary>RegisterScalableTarget: the fleet's minimum and maximum capacity for scaling (registering again updates them).</summary>
    [Alias("RegisterScalableTarget")]
    Task RegisterScalableTargetAsync(RegisterScalableTargetRequest request);

    /// <summary>DeregisterScalableTarget: removes the target with its policies and scheduled actions.</summary>
    [Alias("DeregisterScalableTarget")]
    Task DeregisterScalableTargetAsync();

    [Alias("PutScalingPolicy")]
    Task PutScalingPolicyAsync(PutScalingPolicyRequest request);

    [Alias("DeleteScalingPolicy")]
    Task DeleteScalingPolicyAsync(string policyName);

    [Alias("PutScheduledAction")]
    Task PutScheduledActionAsync(PutScheduledActionRequest request);

    [Alias("DeleteScheduledAction")]
    Task DeleteScheduledActionAsync(string scheduledActionName);

    /// <summary>The scalable target, policies, scheduled actions and recent scaling activities.</summary>
    [Alias("DescribeScaling"), AlwaysInterleave]
    Task<FleetScaling> DescribeScalingAsync();

    /// <summary>The fleet's per-minute metrics over the last <paramref name="minutes"/> simulated minutes (at most <see cref="FleetMetrics.HistoryMinutes"/>).</summary>
    [Alias("GetMetrics"), AlwaysInterleave]
    Task<FleetMetrics> GetMetricsAsync(int minutes);
}
