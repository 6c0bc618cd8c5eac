using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using RegionSim.Errors;
using RegionSim.Wire;

namespace RegionSim.Silo.AppStream;

/// <summary>
/// Reads a request body into its wire shape. A body that is not JSON, or a member of the wrong JSON
/// type, is a <c>SerializationException</c>; a string outside an enum's values is a
/// <c>ValidationException</c>, as AWS answers them. Both messages name the member.
/// </summary>
internal static class WireRequest
{
    public static T Read<T>(ReadOnlySpan<byte> body, JsonTypeInfo<T> shape) where T : class
    {
        if (body.Trim(" \t\r\n"u8).IsEmpty)
        {
            body = "{}"u8;
        }

        try
        {
            return JsonSerializer.Deserialize(body, shape)
                ?? throw new WireFormatException("The request body must be a JSON object, not null.");
        }
        catch (JsonException error)
        {
            throw Explain(error, body, typeof(T));
        }
    }

    private static Exception Explain(JsonException error, ReadOnlySpan<byte> body, Type shape)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToArray());
        }
        catch (JsonException syntax)
        {
            return new WireFormatException($"The request body is not valid JSON: {syntax.Message}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new WireFormatException($"The request body must be a JSON object, not {Describe(document.RootElement)}.");
            }

            var segments = PathSegments(error.Path);
            var (member, type) = MemberAt(shape, segments);
            var value = ValueAt(document.RootElement, segments);
            var target = Nullable.GetUnderlyingType(type) ?? type;
            if (target.IsEnum && value is { ValueKind: JsonValueKind.String } text)
            {
                var allowed = Enum.GetValues(target).Cast<Enum>().Select(v => WireNameOf(target, v));
                return AppStreamException.Invalid(
                    $"1 validation error detected: Value '{text.GetString()}' at '{member}' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", allowed)}]");
            }

            return new WireFormatException($"Member '{member}' must be {Expected(target)}, not {(value is { } found ? Describe(found) : "that")}.");
        }
    }

    /// <summary><c>$.ImagePermissions.allowFleet</c>, <c>$.Names[2]</c>, <c>$['odd name']</c> → the names and indexes in order.</summary>
    private static List<string> PathSegments(string? path)
    {
        var segments = new List<string>();
        var text = path ?? "$";
        var i = text.StartsWith('$') ? 1 : 0;
        while (i < text.Length)
        {
            if (text[i] == '.')
            {
                var end = text.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? text.Length : end;
                segments.Add(text[(i + 1)..end]);
                i = end;
            }
            else if (text.AsSpan(i).StartsWith("['"))
            {
                var end = text.IndexOf("']", i + 2, StringComparison.Ordinal);
                end = end < 0 ? text.Length : end;
                segments.Add(text[(i + 2)..end]);
                i = Math.Min(text.Length, end + 2);
            }
            else if (text[i] == '[')
            {
                var end = text.IndexOf(']', i);
                end = end < 0 ? text.Length : end;
                segments.Add(text[i..Math.Min(text.Length, end + 1)]);
                i = end + 1;
            }
            else
            {
                i++;
            }
        }

        return segments;
    }

    /// <summary>The member as a person reads it (<c>ImagePermissions.allowFleet</c>) and the type the shape gives it.</summary>
    private static (string Member, Type Type) MemberAt(Type shape, List<string> segments)
    {
        var type = shape;
        var member = "";
        foreach (var segment in segments)
        {
            var info = AppStreamJson.Options.GetTypeInfo(type);
            if (segment.StartsWith('['))
            {
                member += segment;
                type = info.ElementType ?? typeof(object);
            }
            else
            {
                member = member.Length == 0 ? segment : $"{member}.{segment}";
                type = info.Kind == JsonTypeInfoKind.Dictionary
                    ? info.ElementType ?? typeof(object)
                    : info.Properties.FirstOrDefault(p => p.Name == segment)?.PropertyType ?? typeof(object);
            }
        }

        return (member.Length == 0 ? "request" : member, type);
    }

    private static JsonElement? ValueAt(JsonElement root, List<string> segments)
    {
        JsonElement? current = root;
        foreach (var segment in segments)
        {
            if (current is not { } element)
            {
                return null;
            }

            if (segment.StartsWith('[') && element.ValueKind == JsonValueKind.Array && int.TryParse(segment[1..^1], out var index))
            {
                current = index < element.GetArrayLength() ? element[index] : null;
            }
            else if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(segment, out var property))
            {
                current = property;
            }
            else
            {
                return null;
            }
        }

        return current;
    }

    private static string Expected(Type type)
    {
        if (type == typeof(string) || type.IsEnum)
        {
            return "a string";
        }

        if (type == typeof(bool))
        {
            return "a boolean";
        }

        if (type == typeof(int) || type == typeof(long))
        {
            return $"an integer between {(type == typeof(int) ? int.MinValue : long.MinValue)} and {(type == typeof(int) ? int.MaxValue : long.MaxValue)}";
        }

        if (type == typeof(DateTimeOffset))
        {
            return "a timestamp in epoch seconds (a number)";
        }

        return AppStreamJson.Options.GetTypeInfo(type).Kind switch
        {
            JsonTypeInfoKind.Enumerable => "a list (JSON array)",
            JsonTypeInfoKind.Dictionary => "a map (JSON object)",
            JsonTypeInfoKind.Object => "a structure (JSON object)",
            _ => type == typeof(double) ? "a number" : "another JSON type",
        };
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        JsonValueKind.Null => "null",
        _ => "that",
    };

    private static string WireNameOf(Type enumType, Enum value) =>
        JsonSerializer.Serialize(value, enumType, AppStreamJson.Options).Trim('"');
}
