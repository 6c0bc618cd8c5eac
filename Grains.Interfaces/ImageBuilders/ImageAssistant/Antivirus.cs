namespace RegionSim.ImageBuilders;

/// <summary>Antivirus software installed on a builder (and so in its images), with or without automatic updates.</summary>
[GenerateSerializer, Immutable, Alias("RegionSim.Antivirus")]
public sealed record Antivirus
{
    [Id(0)] public required string Name { get; init; }
    [Id(1)] public bool AutomaticUpdates { get; init; }

    /// <summary>The warning of the AWS page about antivirus software that updates itself.</summary>
    public const string AutomaticUpdatesWarning =
        "Antivirus software with automatic updates enabled may update itself during user streaming sessions, which can affect performance, " +
        "and its updates do not persist beyond the session; turn automatic updates off and update the image builder and create a new image regularly instead.";
}
