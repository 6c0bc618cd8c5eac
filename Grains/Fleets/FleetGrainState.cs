using RegionSim.Scaling;
using RegionSim.Sessions;

namespace RegionSim.Fleets;

/// <summary>Everything a fleet is: its settings, instances, sessions, scaling and metrics.</summary>
[GenerateSerializer, Alias("RegionSim.FleetGrainState")]
public sealed class FleetGrainState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public FleetSettings? Settings { get; set; }
    [Id(2)] public FleetState State { get; set; } = FleetState.Stopped;

    /// <summary>When STARTING or STOPPING ends.</summary>
    [Id(3)] public DateTimeOffset? StateDue { get; set; }
    [Id(4)] public int DesiredInstances { get; set; }

    /// <summary>The account may no longer use the fleet's image: capacity stays 0 until an update names an image it may use.</summary>
    [Id(5)] public bool ImageAccessRevoked { get; set; }

    /// <summary>The desired capacity the revocation took away, given back by the update that lifts it.</summary>
    [Id(6)] public int DesiredBeforeRevocation { get; set; }

    /// <summary>Instance slots leased from the region: one per instance, plus any about to be given back or reused.</summary>
    [Id(7)] public int Slots { get; set; }

    /// <summary>Set when the region granted less than asked: the fleet asks again then.</summary>
    [Id(8)] public DateTimeOffset? CapacityRetryAt { get; set; }

    /// <summary>How many instances the region could not grant at the last ask.</summary>
    [Id(9)] public int CapacityShortfall { get; set; }

    /// <summary>
    /// The instances and sessions in progress as fleets stored them before <see cref="CurrentInstances"/> and
    /// <see cref="SessionsInProgress"/>: maps by id. Read once, when such a fleet activates (its engine takes
    /// them over); null since.
    /// </summary>
    [Id(10)] public Dictionary<string, FleetInstance>? Instances { get; set; }
    [Id(11)] public Dictionary<string, StreamingSessionState>? Sessions { get; set; }

    /// <summary>Sessions that ended, newest last: the last <c>FleetEngine.EndedSessionsKept</c> at least, and at most twice as many.</summary>
    [Id(12)] public List<StreamingSessionState> EndedSessions { get; set; } = [];
    [Id(13)] public long InstancesMade { get; set; }
    [Id(14)] public long SessionsMade { get; set; }

    /// <summary>The stacks associated with the fleet (they decide; the fleet is told).</summary>
    [Id(15)] public HashSet<string> Stacks { get; set; } = new(StringComparer.Ordinal);
    [Id(16)] public FleetScalingState Scaling { get; set; } = new();
    [Id(17)] public FleetMetricHistory Metrics { get; set; } = new();
    [Id(18)] public Dictionary<string, string> Tags { get; set; } = new(StringComparer.Ordinal);
    [Id(19)] public DateTimeOffset CreatedTime { get; set; }

    /// <summary>The time the fleet last ran to: after a reactivation, work due since then happens at its own time.</summary>
    [Id(20)] public DateTimeOffset AdvancedTo { get; set; }

    /// <summary>The instances the fleet has (provisioning, available, in use), in no meaningful order (see <c>FleetRoster</c>).</summary>
    [Id(21)] public List<FleetInstance> CurrentInstances { get; set; } = [];

    /// <summary>Sessions PENDING or ACTIVE, in no meaningful order (see <c>FleetRoster</c>).</summary>
    [Id(22)] public List<StreamingSessionState> SessionsInProgress { get; set; } = [];
}
