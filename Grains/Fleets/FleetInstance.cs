namespace RegionSim.Fleets;

/// <summary>
/// One non-persistent streaming instance: provisioned, then available (for ON_DEMAND fleets: stopped,
/// ready to start), then in use by one session, then terminated (gone from the fleet).
/// </summary>
[GenerateSerializer, Alias("RegionSim.FleetInstance")]
public sealed class FleetInstance : IRosterMember
{
    [Id(0)] public string Id { get; set; } = "";
    [Id(1)] public FleetInstanceState State { get; set; }

    /// <summary>When provisioning ends (Provisioning) or since when the instance is available (Available).</summary>
    [Id(2)] public DateTimeOffset At { get; set; }

    /// <summary>The session it hosts (InUse).</summary>
    [Id(3)] public string? SessionId { get; set; }

    /// <summary>The AppStream agent it runs, decided when it was launched.</summary>
    [Id(4)] public string AgentVersion { get; set; } = "";

    /// <summary>
    /// Set when the instance leaves its fleet. Never stored (a stored fleet holds none so marked): it lets
    /// the engine's timers and queue, which hold instances themselves, skip one that is gone without
    /// looking it up by id.
    /// </summary>
    [NonSerialized]
    internal bool Terminated;

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
