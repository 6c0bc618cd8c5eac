using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using RegionSim.Fleets;
using RegionSim.Images;
using RegionSim.Wire;

namespace RegionSim.Silo.AppStream;

/// <summary>
/// How the endpoint writes outputs: as <see cref="AppStreamJson"/> writes them, except that images,
/// DescribeImages answers and fleets are encoded once per object and their JSON reused. The account answers
/// DescribeImages with the same immutable objects until something it sees changes (the region's
/// catalogue, the views its images pushed, the answers it made from them), and DescribeFleets with the
/// fleets of the views its watched fleets told it until they tell another, so each is encoded once.
/// </summary>
internal static class WireOutput
{
    private static readonly EncodedOnce<DescribeImagesResponse> DescribeImagesAnswers;

    static WireOutput()
    {
        var images = new EncodedOnce<Image>(AppStreamJson.Options);
        DescribeImagesAnswers = new EncodedOnce<DescribeImagesResponse>(With(AppStreamJson.Options, images));
        Options = With(With(With(AppStreamJson.Options, images), DescribeImagesAnswers), new EncodedOnce<Fleet>(AppStreamJson.Options));
    }

    public static JsonSerializerOptions Options { get; }

    /// <summary>The JSON of an output; a DescribeImages answer encoded before is answered as it was (the same bytes, not a copy).</summary>
    public static byte[] Encode<T>(T output, JsonTypeInfo<T> shape) =>
        output is DescribeImagesResponse answer ? DescribeImagesAnswers.Encoded(answer) : JsonSerializer.SerializeToUtf8Bytes(output, shape);

    private static JsonSerializerOptions With(JsonSerializerOptions options, JsonConverter converter)
    {
        var with = new JsonSerializerOptions(options);
        with.Converters.Insert(0, converter);
        with.MakeReadOnly(populateMissingResolver: true);
        return with;
    }

    /// <summary>
    /// Writes an immutable object as the JSON it was first written as: objects are told apart by reference,
    /// so a changed image or answer is a new object and encoded anew. <paramref name="plain"/> writes the object itself.
    /// </summary>
    private sealed class EncodedOnce<T>(JsonSerializerOptions plain) : JsonConverter<T> where T : class
    {
        private readonly JsonTypeInfo<T> _shape = (JsonTypeInfo<T>)plain.GetTypeInfo(typeof(T));
        private readonly ConditionalWeakTable<T, byte[]> _encoded = new();

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            JsonSerializer.Deserialize(ref reader, _shape)!;

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteRawValue(Encoded(value), skipInputValidation: true);

        /// <summary>The object's JSON, encoded the first time it is asked for; never change the bytes.</summary>
        public byte[] Encoded(T value) => _encoded.GetValue(value, encoded => JsonSerializer.SerializeToUtf8Bytes(encoded, _shape));
    }
}
