namespace RegionSim.Sessions;

/// <summary>
/// A session as the simulator knows it (beyond the wire's <see cref="Session"/>): what it started from,
/// what the user changed, and how it ended. Kept for a while after the session ends.
/// </summary>
[GenerateSerializer, Immutable, Alias("RegionSim.SessionDetails")]
public sealed record SessionDetails
{
    [Id(0)] public required Session Session { get; init; }
    [Id(1)] public required SessionStart StartedFrom { get; init; }

    /// <summary>Profile settings the user changed in this session.</summary>
    [Id(2)] public required IReadOnlyDictionary<string, string> ProfileChanges { get; init; }

    /// <summary>Software the user installed or updated in this session.</summary>
    [Id(3)] public required IReadOnlyList<string> SoftwareInstalled { get; init; }
    [Id(4)] public DateTimeOffset? EndedAt { get; init; }
    [Id(5)] public SessionEndReason? EndReason { get; init; }
}

/// <summary>What a session's instance offered the user when it started.</summary>
[GenerateSerializer, Immutable, Alias("RegionSim.SessionStart")]
public sealed record SessionStart
{
    /// <summary>The image the instance was made from.</summary>
    [Id(0)] public required string ImageArn { get; init; }

    /// <summary>The software on the instance: the image's applications, never what an earlier session installed.</summary>
    [Id(1)] public required IReadOnlyList<string> Software { get; init; }

    /// <summary>The user's profile settings: those persisted by the stack's application settings persistence, else none.</summary>
    [Id(2)] public required IReadOnlyDictionary<string, string> ProfileSettings { get; init; }

    /// <summary>Whether the stack persists this user's profile settings when the session ends.</summary>
    [Id(3)] public bool ApplicationSettingsPersisted { get; init; }

    /// <summary>The AppStream agent the instance runs (an always-latest image's instances run the newest released when they launched).</summary>
    [Id(4)] public string AgentVersion { get; init; } = "";
}
