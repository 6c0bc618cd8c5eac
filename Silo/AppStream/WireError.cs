using System.Text.Json.Serialization;

namespace RegionSim.Silo.AppStream;

/// <summary>An error body as AWS JSON 1.1 carries it; every AWS client reads <c>__type</c> and <c>message</c>.</summary>
public sealed record WireError(
    [property: JsonPropertyName("__type")] string Type,
    [property: JsonPropertyName("message")] string Message);

[JsonSerializable(typeof(WireError))]
internal sealed partial class WireErrorContext : JsonSerializerContext;
