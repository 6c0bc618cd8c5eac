namespace RegionSim.Stacks;

/// <summary>Application settings persistence: with it on, the profile settings users change come back in their next sessions.</summary>
[GenerateSerializer, Immutable, Alias("RegionSim.ApplicationSettings")]
public sealed record ApplicationSettings
{
    [Id(0)] public bool? Enabled { get; init; }

    /// <summary>Stacks with the same group share users' persisted settings; here, a part of the key they are kept under.</summary>
    [Id(1)] public string? SettingsGroup { get; init; }
}

[GenerateSerializer, Immutable, Alias("RegionSim.ApplicationSettingsResponse")]
public sealed record ApplicationSettingsResponse
{
    [Id(0)] public bool? Enabled { get; init; }
    [Id(1)] public string? SettingsGroup { get; init; }
    [Id(2)] public string? S3BucketName { get; init; }
}
