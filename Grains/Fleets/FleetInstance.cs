using RegionSim.Sessions;

namespace RegionSim.Fleets;

/// <summary>
/// One non-persistent streaming instance: provisioned, then available (for ON_DEMAND fleets: stopped,
/// ready to start), then in use by one session, then terminated (gone from the fleet).
/// </summary>
[GenerateSerializer, Alias("RegionSim.FleetInstance")]
public sealed class FleetInstance : IRosterMember
{
    /// <summary>Written when first read, from <see cref="FleetHash"/> and <see cref="Number"/>: a load simulation launches millions of instances whose ids nobody reads.</summary>
    [Id(0)] public string Id { get => _id ??= Number == 0 ? "" : SessionIds.Instance(FleetHash, Number); set => _id = value; }

    [Id(1)] public FleetInstanceState State { get; set; }

    /// <summary>When provisioning ends (Provisioning) or since when the instance is available (Available).</summary>
    [Id(2)] public DateTimeOffset At { get; set; }

    /// <summary>The session it hosts (InUse): the id of <see cref="Session"/>, read from it when asked.</summary>
    [Id(3)] public string? SessionId { get => _sessionId ?? Session?.Id; set => _sessionId = value; }

    /// <summary>The AppStream agent it runs, decided when it was launched.</summary>
    [Id(4)] public string AgentVersion { get; set; } = "";

    /// <summary>
    /// Set when the instance leaves its fleet. Never stored (a stored fleet holds none so marked): it lets
    /// the engine's timers and queue, which hold instances themselves, skip one that is gone without
    /// looking it up by id.
    /// </summary>
    [NonSerialized]
    internal bool Terminated;

    /// <summary>The hash of its fleet's key and the fleet's count of instances when it was launched: what its id is written from. Never stored (the id is).</summary>
    [NonSerialized]
    internal uint FleetHash;

    [NonSerialized]
    internal long Number;

    /// <summary>The session it hosts, set when it is taken for one. Never stored (its id is).</summary>
    [NonSerialized]
    internal StreamingSessionState? Session;

    [NonSerialized]
    private string? _id;

    [NonSerialized]
    private string? _sessionId;

    [NonSerialized]
    private int _rosterSlot;

    int IRosterMember.RosterSlot { get => _rosterSlot; set => _rosterSlot = value; }
}

[GenerateSerializer]
public enum FleetInstanceState
{
    Provisioning,
    Available,
    InUse,
}
