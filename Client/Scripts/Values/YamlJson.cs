using System.Globalization;
using System.Text.Json.Nodes;
using RegionSim.Client.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RegionSim.Client.Scripts.Values;

/// <summary>
/// Turns a YAML value of a script into the JSON its shape takes: an unquoted <c>222222222222</c> becomes
/// the string an account id is, <c>true</c> a boolean, <c>2026-01-05T09:00:00Z</c> a timestamp in epoch
/// seconds. Checking (before the run) collects every problem with its line; converting (during the run)
/// resolves references and fails the step on a value that doesn't fit.
/// </summary>
public sealed class YamlJson(string file, IValueScope scope, List<YamlProblem>? problems = null)
{
    public JsonNode? Convert(YamlNode node, ValueShape shape, string member) => node switch
    {
        YamlScalarNode scalar => Scalar(scalar, shape, member),
        YamlMappingNode mapping => Mapping(mapping, shape, member),
        YamlSequenceNode sequence => Sequence(sequence, shape, member),
        _ => Problem(node, $"{member}: this kind of YAML value is not supported here."),
    };

    /// <summary>The text of a scalar with its references resolved (checking: the text as written); null for a YAML null.</summary>
    public string? Text(YamlNode node, string member)
    {
        if (node is not YamlScalarNode scalar)
        {
            Problem(node, $"{member} must be a single value, not a {(node is YamlMappingNode ? "mapping" : "list")}.");
            return null;
        }

        if (IsNull(scalar))
        {
            return null;
        }

        return Scalar(scalar, ValueShape.String, member) is JsonValue value ? Template.TextOf(value) : scalar.Value;
    }

    public static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    private JsonNode? Mapping(YamlMappingNode mapping, ValueShape shape, string member)
    {
        if (shape.Kind is not (ShapeKind.Structure or ShapeKind.Map or ShapeKind.Any))
        {
            return Problem(mapping, $"{member} must be {Expected(shape)}, not a mapping.");
        }

        var json = new JsonObject();
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                Problem(keyNode, $"{(member.Length == 0 ? shape.Name : member)}: a member's name is a word, not a {(keyNode is YamlMappingNode ? "mapping" : "list")}.");
                continue;
            }

            var path = member.Length == 0 ? key : $"{member}.{key}";
            ValueShape? valueShape = shape.Kind switch
            {
                ShapeKind.Structure => shape.Member(key),
                ShapeKind.Map => shape.Value,
                _ => ValueShape.Any,
            };
            if (valueShape is null)
            {
                Problem(keyNode, UnknownMember(shape, key, member));
                continue;
            }

            if (shape.Kind == ShapeKind.Structure && valueNode is YamlScalarNode scalar && IsNull(scalar) && shape.Required.Contains(key))
            {
                Problem(valueNode, $"{path} is required: give it a value.");
                continue;
            }

            json[key] = Convert(valueNode, valueShape, path);
        }

        var missing = shape.Required.Where(required => !json.ContainsKey(required) && !mapping.Children.Keys.OfType<YamlScalarNode>().Any(k => k.Value == required)).ToList();
        if (missing.Count > 0)
        {
            Problem(mapping, $"{(member.Length == 0 ? shape.Name : member)} needs {string.Join(" and ", missing)} (required).");
        }

        return json;
    }

    private JsonNode? Sequence(YamlSequenceNode sequence, ValueShape shape, string member)
    {
        if (shape.Kind is not (ShapeKind.List or ShapeKind.Any))
        {
            return Problem(sequence, $"{member} must be {Expected(shape)}, not a list.");
        }

        var element = shape.Element ?? ValueShape.Any;
        var json = new JsonArray();
        var index = 0;
        foreach (var item in sequence.Children)
        {
            json.Add(Convert(item, element, $"{member}[{index++}]"));
        }

        return json;
    }

    private JsonNode? Scalar(YamlScalarNode scalar, ValueShape shape, string member)
    {
        if (IsNull(scalar))
        {
            return null;
        }

        var template = Template.Parse(scalar.Value ?? "", out var malformed);
        if (template is null)
        {
            return Problem(scalar, $"{member}: {malformed}");
        }

        if (template.References.Count == 0)
        {
            return Literal(scalar, template.Text, shape, member);
        }

        if (!template.IsOneReference && shape.Kind is not (ShapeKind.String or ShapeKind.Any))
        {
            return Problem(scalar, $"{member} must be {Expected(shape)}; a reference inside other text makes a string.");
        }

        if (!scope.Running)
        {
            foreach (var reference in template.References)
            {
                if (scope.Check(reference) is { } problem)
                {
                    Problem(scalar, $"{member}: {problem}");
                }
            }

            return JsonValue.Create(template.Text);
        }

        return Coerce(scalar, template.Resolve(scope.Resolve), shape, member, template.Text);
    }

    private JsonNode? Literal(YamlScalarNode scalar, string text, ValueShape shape, string member)
    {
        var plain = scalar.Style == ScalarStyle.Plain;
        switch (shape.Kind)
        {
            case ShapeKind.String:
                return JsonValue.Create(text);
            case ShapeKind.Boolean:
                return bool.TryParse(text, out var flag) ? JsonValue.Create(flag) : Problem(scalar, $"{member} must be true or false, not '{text}'.");
            case ShapeKind.Integer:
                return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)
                    ? JsonValue.Create(whole)
                    : Problem(scalar, $"{member} must be a whole number, not '{text}'.");
            case ShapeKind.Double:
                return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    ? JsonValue.Create(number)
                    : Problem(scalar, $"{member} must be a number, not '{text}'.");
            case ShapeKind.Timestamp:
                return Timestamp(text) is { } seconds
                    ? JsonValue.Create(seconds)
                    : Problem(scalar, $"{member} must be a time (2026-01-05T09:00:00Z) or epoch seconds, not '{text}'.");
            case ShapeKind.Any when plain:
                return bool.TryParse(text, out var anyFlag) ? JsonValue.Create(anyFlag)
                    : long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var anyWhole) ? JsonValue.Create(anyWhole)
                    : decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var anyNumber) ? JsonValue.Create(anyNumber)
                    : JsonValue.Create(text);
            case ShapeKind.Any:
                return JsonValue.Create(text);
            default:
                return Problem(scalar, $"{member} must be {Expected(shape)}, not '{text}'.");
        }
    }

    /// <summary>A referenced value (during the run) put in the shape the member takes.</summary>
    private JsonNode? Coerce(YamlScalarNode at, JsonNode? value, ValueShape shape, string member, string written)
    {
        if (value is null)
        {
            return null;
        }

        if (value is JsonValue scalar)
        {
            return shape.Kind is ShapeKind.Any
                ? value
                : Literal(new YamlScalarNode(Template.TextOf(scalar)) { Style = ScalarStyle.SingleQuoted }, Template.TextOf(scalar), shape, $"{member} ({written})");
        }

        var fits = (value, shape.Kind) switch
        {
            (_, ShapeKind.Any) => true,
            (JsonObject, ShapeKind.Structure or ShapeKind.Map) => true,
            (JsonArray, ShapeKind.List) => true,
            _ => false,
        };
        return fits ? value : Problem(at, $"{member} must be {Expected(shape)}, but {written} is {(value is JsonArray ? "a list" : "a structure")}.");
    }

    private static decimal? Timestamp(string text)
    {
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time.ToUnixTimeMilliseconds() / 1000m
            : null;
    }

    public static string Expected(ValueShape shape) => shape.Kind switch
    {
        ShapeKind.Structure => $"a {shape.Name} structure (a mapping)",
        ShapeKind.Map => "a map (a mapping)",
        ShapeKind.List => "a list",
        ShapeKind.String => "a string",
        ShapeKind.Boolean => "true or false",
        ShapeKind.Integer => "a whole number",
        ShapeKind.Double => "a number",
        ShapeKind.Timestamp => "a time",
        _ => "a value",
    };

    private static string UnknownMember(ValueShape shape, string key, string member)
    {
        var owner = member.Length == 0 ? shape.Name : member;
        var similar = shape.MemberNames.FirstOrDefault(m => string.Equals(m, key, StringComparison.OrdinalIgnoreCase));
        return similar is not null
            ? $"{owner} has no member {key}; did you mean {similar}? (member names are case-sensitive)"
            : $"{owner} has no member {key}; its members are {string.Join(", ", shape.MemberNames)}.";
    }

    private JsonNode? Problem(YamlNode at, string message)
    {
        if (!scope.Running && problems is not null)
        {
            problems.Add(new YamlProblem(file, at.Start, message));
            return null;
        }

        throw new StepFailure(message);
    }
}
