using RegionSim.Fleets;

namespace RegionSim.Sessions;

/// <summary>A session as its fleet keeps it.</summary>
[GenerateSerializer, Alias("RegionSim.StreamingSessionState")]
public sealed class StreamingSessionState : IRosterMember
{
    /// <summary>Written when first read, from <see cref="IdPrefix"/> and <see cref="Number"/>: a load simulation starts millions of sessions whose ids nobody reads.</summary>
    [Id(0)] public string Id { get => _id ??= IdPrefix is null ? "" : SessionIds.Session(IdPrefix, Number); set => _id = value; }

    /// <summary>The fleet's count of sessions when this one began: orders sessions.</summary>
    [Id(1)] public long Number { get; set; }
    [Id(2)] public string UserId { get; set; } = "";
    [Id(3)] public string StackName { get; set; } = "";
    [Id(4)] public AuthenticationType AuthenticationType { get; set; }

    /// <summary>The id of <see cref="Instance"/>, read from it when asked.</summary>
    [Id(5)] public string InstanceId { get => _instanceId ??= Instance?.Id ?? ""; set => _instanceId = value; }

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
    /// The instance it runs or ran on. Never stored (the fleet links a session in progress again when it
    /// rebuilds from its state): ending a session takes its instance without looking it up by id.
    /// </summary>
    [NonSerialized]
    internal FleetInstance? Instance;

    /// <summary>What every session id of its fleet begins with (<see cref="SessionIds.SessionPrefix"/>). Never stored (the id is).</summary>
    [NonSerialized]
    internal string? IdPrefix;

    [NonSerialized]
    private string? _id;

    [NonSerialized]
    private string? _instanceId;

    [NonSerialized]
    private int _rosterSlot;

    int IRosterMember.RosterSlot { get => _rosterSlot; set => _rosterSlot = value; }
}
