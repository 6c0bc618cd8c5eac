namespace RegionSim.ImageBuilders;

/// <summary>Image Assistant's create-image, with its options.</summary>
[GenerateSerializer, Immutable, Alias("RegionSim.ImageAssistantCreateImage")]
public sealed record ImageAssistantCreateImage
{
    [Id(0)] public string? Name { get; init; }
    [Id(1)] public string? Description { get; init; }
    [Id(2)] public string? DisplayName { get; init; }

    /// <summary>--enable-dynamic-app-catalog; off unless given.</summary>
    [Id(3)] public bool EnableDynamicAppCatalog { get; init; }

    /// <summary>--use-latest-agent-version; unless given the image is pinned to the agent the builder runs.</summary>
    [Id(4)] public bool UseLatestAgentVersion { get; init; }

    /// <summary>--tags as given: key, value, key, value, ...</summary>
    [Id(5)] public IReadOnlyList<string>? Tags { get; init; }

    [Id(6)] public bool DryRun { get; init; }
}
