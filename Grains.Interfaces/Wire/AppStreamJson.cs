using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RegionSim.Wire;

/// <summary>
/// How AppStream shapes look as JSON 1.1: members as the model names them, enums in upper snake case
/// (<c>ALWAYS_ON</c>), timestamps as epoch seconds, absent members omitted.
/// </summary>
public static class AppStreamJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            RespectRequiredConstructorParameters = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        };
        options.Converters.Add(new WireEnumConverterFactory());
        options.Converters.Add(new EpochSecondsConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

/// <summary>The wire name of an enum value, as <see cref="AppStreamJson"/> writes it (e.g. <c>COPYING</c>).</summary>
public static class WireNames
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        var name = value.ToString();
        var member = typeof(TEnum).GetField(name, BindingFlags.Public | BindingFlags.Static);
        return member?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
            ?? JsonNamingPolicy.SnakeCaseUpper.ConvertName(name);
    }
}

/// <summary>
/// Enums as their wire names, read exactly: AWS enums are case-sensitive (<c>private</c> is not
/// <c>PRIVATE</c>), where <see cref="JsonStringEnumConverter"/> would also take other casings and numbers.
/// </summary>
public sealed class WireEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(WireEnumConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class WireEnumConverter<TEnum> : JsonConverter<TEnum> where TEnum : struct, Enum
    {
        private static readonly Dictionary<string, TEnum> ByName = Enum.GetValues<TEnum>().ToDictionary(WireNames.Of, StringComparer.Ordinal);
        private static readonly Dictionary<TEnum, JsonEncodedText> Names = Enum.GetValues<TEnum>().ToDictionary(v => v, v => JsonEncodedText.Encode(WireNames.Of(v)));

        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && ByName.TryGetValue(reader.GetString()!, out var value)
                ? value
                : throw new JsonException($"Expected one of {string.Join(", ", ByName.Keys)}.");

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WriteStringValue(Names.TryGetValue(value, out var name) ? name : JsonEncodedText.Encode(WireNames.Of(value)));
    }
}

/// <summary>Timestamps as JSON numbers of epoch seconds, fractions allowed, as AWS JSON 1.1 sends them.</summary>
public sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(reader.GetDouble() * 1000))
            : throw new JsonException("Expected a timestamp in epoch seconds.");

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.ToUnixTimeMilliseconds() / 1000m);
}
