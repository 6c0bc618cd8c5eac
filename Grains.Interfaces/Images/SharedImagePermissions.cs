using System.Text.Json.Serialization;

namespace RegionSim.Images;

[GenerateSerializer, Immutable, Alias("RegionSim.SharedImagePermissions")]
public sealed record SharedImagePermissions
{
    [Id(0), JsonPropertyName("sharedAccountId")] public required string SharedAccountId { get; init; }
    [Id(1), JsonPropertyName("imagePermissions")] public required ImagePermissions ImagePermissions { get; init; }
}
