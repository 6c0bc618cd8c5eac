namespace RegionSim.ImageBuilders;

[GenerateSerializer, Immutable, Alias("RegionSim.StartImageBuilderRequest")]
public sealed record StartImageBuilderRequest
{
    [Id(0)] public string? Name { get; init; }

    /// <summary>A released agent version or <c>[LATEST]</c>; absent: keep the agent the builder has.</summary>
    [Id(1)] public string? AppstreamAgentVersion { get; init; }
}

[GenerateSerializer, Immutable, Alias("RegionSim.StopImageBuilderRequest")]
public sealed record StopImageBuilderRequest
{
    [Id(0)] public string? Name { get; init; }
}

[GenerateSerializer, Immutable, Alias("RegionSim.DeleteImageBuilderRequest")]
public sealed record DeleteImageBuilderRequest
{
    [Id(0)] public string? Name { get; init; }
}

/// <summary>What StartImageBuilder, StopImageBuilder and DeleteImageBuilder answer.</summary>
[GenerateSerializer, Immutable, Alias("RegionSim.ImageBuilderResponse")]
public sealed record ImageBuilderResponse
{
    [Id(0)] public required ImageBuilder ImageBuilder { get; init; }
}
