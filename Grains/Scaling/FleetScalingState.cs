namespace RegionSim.Scaling;

/// <summary>A fleet's Application Auto Scaling configuration and the state of its alarms.</summary>
[GenerateSerializer, Alias("RegionSim.FleetScalingState")]
public sealed class FleetScalingState
{
    [Id(0)] public ScalableTarget? Target { get; set; }

    /// <summary>By policy name, in name order.</summary>
    [Id(1)] public List<ScalingPolicyState> Policies { get; set; } = [];
    [Id(2)] public List<ScheduledActionState> ScheduledActions { get; set; } = [];

    /// <summary>The most recent activities, newest last, at most <see cref="MaxActivities"/>.</summary>
    [Id(3)] public List<ScalingActivity> Activities { get; set; } = [];

    public const int MaxActivities = 100;
}

[GenerateSerializer, Alias("RegionSim.ScalingPolicyState")]
public sealed class ScalingPolicyState
{
    [Id(0)] public ScalingPolicy Policy { get; set; } = null!;

    /// <summary>Consecutive minutes the scale-out (target tracking) or the alarm (step scaling) condition held.</summary>
    [Id(1)] public int High { get; set; }

    /// <summary>Consecutive minutes the scale-in condition of a target tracking policy held.</summary>
    [Id(2)] public int Low { get; set; }
    [Id(3)] public DateTimeOffset? LastScaleOut { get; set; }
    [Id(4)] public DateTimeOffset? LastScaleIn { get; set; }

    /// <summary>What the policy asked for at the current evaluation (not kept).</summary>
    [NonSerialized]
    internal int? Proposal;
}

[GenerateSerializer, Alias("RegionSim.ScheduledActionState")]
public sealed class ScheduledActionState
{
    [Id(0)] public ScheduledAction Action { get; set; } = null!;

    /// <summary>When the schedule's times are counted from (<c>rate</c> schedules).</summary>
    [Id(1)] public DateTimeOffset Anchor { get; set; }
}
