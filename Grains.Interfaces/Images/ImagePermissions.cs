using System.Text.Json.Serialization;

namespace RegionSim.Images;

/// <summary>What an account with which an image is shared may do with it. Both off means not shared.</summary>
[GenerateSerializer, Immutable, Alias("RegionSim.ImagePermissions")]
public sealed record ImagePermissions
{
    [Id(0), JsonPropertyName("allowFleet")] public bool AllowFleet { get; init; }
    [Id(1), JsonPropertyName("allowImageBuilder")] public bool AllowImageBuilder { get; init; }

    [JsonIgnore] public bool SharesAnything => AllowFleet || AllowImageBuilder;

    public override string ToString() => $"allowFleet={AllowFleet}, allowImageBuilder={AllowImageBuilder}";
}
