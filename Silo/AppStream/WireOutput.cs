using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using RegionSim.Images;
using RegionSim.Wire;

namespace RegionSim.Silo.AppStream;

/// <summary>
/// How the endpoint writes outputs: as <see cref="AppStreamJson"/> writes them, except that public
/// images — the region's catalogue, the same immutable objects in every DescribeImages answer — are
/// encoded once and their JSON reused.
/// </summary>
internal static class WireOutput
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(AppStreamJson.Options);
        options.Converters.Insert(0, new PublicImageConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private sealed class PublicImageConverter : JsonConverter<Image>
    {
        private static readonly JsonTypeInfo<Image> Shape = (JsonTypeInfo<Image>)AppStreamJson.Options.GetTypeInfo(typeof(Image));
        private readonly ConditionalWeakTable<Image, byte[]> _encoded = new();

        public override Image Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            JsonSerializer.Deserialize(ref reader, Shape)!;

        public override void Write(Utf8JsonWriter writer, Image value, JsonSerializerOptions options)
        {
            if (value.Visibility != VisibilityType.Public)
            {
                JsonSerializer.Serialize(writer, value, Shape);
                return;
            }

            writer.WriteRawValue(_encoded.GetValue(value, image => JsonSerializer.SerializeToUtf8Bytes(image, Shape)), skipInputValidation: true);
        }
    }
}
