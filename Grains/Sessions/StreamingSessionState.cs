using RegionSim.Fleets;

namespace RegionSim.Sessions;

/// <summary>A session as its fleet keeps it.</summary>
[GenerateSerializer, Alias("RegionSim.StreamingSessionState")]
public sealed class StreamingSessionState : IRosterMember
{
    [Id(0)] public string Id { get; set; } = "";

    /// <summary>The fleet's count of sessions when this one began: orders sessions.</summary>
    [Id(1)] public long Number { get; set; }
    [Id(2)] public string UserId { get; set; } = "";
    [Id(3)] public string StackName { get; set; } = "";
    [Id(4)] public AuthenticationType AuthenticationType { get; set; }
    [Id(5)] public string InstanceId { get; set; } = "";
    [Id(6)] public SessionState State { get; set; }
    [Id(7)] public bool Connected { get; set; }
    [Id(8)] public DateTimeOffset StartTime { get; set; }

    /// <summary>When a PENDING session becomes ACTIVE.</summary>
    [Id(9)] public DateTimeOffset ActiveAt { get; set; }
    [Id(10)] public DateTimeOffset MaxExpirationTime { get; set; }

    /// <summary>Set while the user is disconnected: the session ends then unless the user comes back.</summary>
    [Id(11)] public DateTimeOffset? DisconnectDeadline { get; set; }

    /// <summary>Set while a connected user is idle.</summary>
    [Id(12)] public DateTimeOffset? IdleSince { get; set; }
    [Id(13)] public string? ApplicationId { get; set; }
    [Id(14)] public string? SessionContext { get; set; }
    [Id(15)] public SessionStart StartedFrom { get; set; } = null!;

    /// <summary>The settings group the stack keeps the user's profile under, when it persists it.</summary>
    [Id(16)] public string? SettingsGroup { get; set; }
    [Id(17)] public Dictionary<string, string>? ProfileChanges { get; set; }
    [Id(18)] public List<string>? SoftwareInstalled { get; set; }
    [Id(19)] public DateTimeOffset? EndedAt { get; set; }
    [Id(20)] public SessionEndReason? EndReason { get; set; }

    /// <summary>
    /// The instance it runs on while it is in progress. Never stored (the fleet links it again when it
    /// rebuilds from its state): ending a session takes its instance without looking it up by id.
    /// </summary>
    [NonSerialized]
    internal FleetInstance? Instance;

    [NonSerialized]
    private int _rosterSlot;

    int IRosterMember.RosterSlot { get => _rosterSlot; set => _rosterSlot = value; }
}
