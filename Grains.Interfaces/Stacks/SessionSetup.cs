namespace RegionSim.Stacks;

/// <summary>What a fleet learns from a stack when one of the stack's users connects.</summary>
[GenerateSerializer, Immutable, Alias("RegionSim.SessionSetup")]
public sealed record SessionSetup
{
    /// <summary>Whether the stack exists and is associated with the fleet that asks.</summary>
    [Id(0)] public required bool Associated { get; init; }

    /// <summary>Whether the stack persists the user's profile settings.</summary>
    [Id(1)] public bool ApplicationSettingsEnabled { get; init; }

    /// <summary>The settings group the user's profile settings are kept under.</summary>
    [Id(2)] public string SettingsGroup { get; init; } = "";

    /// <summary>The user's persisted profile settings (empty without persistence).</summary>
    [Id(3)] public IReadOnlyDictionary<string, string> ProfileSettings { get; init; } = new Dictionary<string, string>();
}

/// <summary>A user's profile settings at the end of a session, for the stack to keep.</summary>
[GenerateSerializer, Immutable, Alias("RegionSim.ProfileSave")]
public sealed record ProfileSave
{
    [Id(0)] public required string StackName { get; init; }
    [Id(1)] public required string SettingsGroup { get; init; }
    [Id(2)] public required string UserId { get; init; }
    [Id(3)] public required IReadOnlyDictionary<string, string> ProfileSettings { get; init; }
}
