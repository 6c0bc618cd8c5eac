namespace RegionSim.Scaling;

[GenerateSerializer, Immutable, Alias("RegionSim.RegisterScalableTargetRequest")]
public sealed record RegisterScalableTargetRequest
{
    [Id(0)] public int? MinCapacity { get; init; }
    [Id(1)] public int? MaxCapacity { get; init; }
}

/// <summary>A fleet registered with Application Auto Scaling (dimension <c>appstream:fleet:DesiredCapacity</c>).</summary>
[GenerateSerializer, Immutable, Alias("RegionSim.ScalableTarget")]
public sealed record ScalableTarget
{
    public const string Dimension = "appstream:fleet:DesiredCapacity";

    /// <summary><c>fleet/NAME</c>.</summary>
    [Id(0)] public required string ResourceId { get; init; }
    [Id(1)] public string ScalableDimension { get; init; } = Dimension;
    [Id(2)] public required int MinCapacity { get; init; }
    [Id(3)] public required int MaxCapacity { get; init; }
}
