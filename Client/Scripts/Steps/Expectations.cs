using System.Globalization;
using System.Text.Json.Nodes;
using RegionSim.Client.Scripts.Values;
using YamlDotNet.RepresentationModel;

namespace RegionSim.Client.Scripts.Steps;

/// <summary>
/// What a step expects of its result: values by path (<c>expect: {Images[0].State: AVAILABLE}</c>), an
/// AppStream error (<c>error: ResourceInUseException</c>), and counts (<c>count: {Images: 3}</c>). A value
/// that is a mapping or a list is compared member by member; <c>null</c> means absent.
/// </summary>
public sealed class Expectations
{
    public static Expectations None { get; } = new(null, [], []);

    public Expectations(string? error, IReadOnlyList<(ValuePath Path, YamlNode Expected)> values, IReadOnlyList<(ValuePath Path, YamlNode Count)> counts)
    {
        Error = error;
        Values = values;
        Counts = counts;
    }

    public string? Error { get; }

    public IReadOnlyList<(ValuePath Path, YamlNode Expected)> Values { get; }

    public IReadOnlyList<(ValuePath Path, YamlNode Count)> Counts { get; }

    /// <summary>Whether the step says anything about <paramref name="member"/> at the top of its result.</summary>
    public bool Mentions(string member) => Values.Any(v => v.Path.Segments.FirstOrDefault() as string == member);

    public IReadOnlyList<Mismatch> Check(StepResult result, IValueScope scope)
    {
        var mismatches = new List<Mismatch>();
        if (result.Failure is not null)
        {
            return mismatches;
        }

        if (Error is not null && result.ErrorType != Error)
        {
            mismatches.Add(new Mismatch("error", Error, result.ErrorType is null ? "no error: the step succeeded" : $"{result.ErrorType}: {result.ErrorMessage}"));
            return mismatches;
        }

        if (Error is null && result.ErrorType is not null)
        {
            mismatches.Add(new Mismatch("error", "none", $"{result.ErrorType}: {result.ErrorMessage}"));
            return mismatches;
        }

        foreach (var (path, expected) in Values)
        {
            var found = path.TryFind(result.Value, out var actual);
            Compare(expected, found ? actual : null, found, path.Text, scope, mismatches);
        }

        foreach (var (path, count) in Counts)
        {
            var expected = Convert.ToInt64(Scalar(count, scope), CultureInfo.InvariantCulture);
            var actual = path.TryFind(result.Value, out var found) ? found switch
            {
                JsonArray list => list.Count,
                JsonObject map => map.Count,
                null => 0,
                _ => -1,
            } : 0;
            if (actual != expected)
            {
                mismatches.Add(new Mismatch($"count of {path.Text}", expected.ToString(CultureInfo.InvariantCulture),
                    actual < 0 ? $"not a list: {Show(found)}" : actual.ToString(CultureInfo.InvariantCulture)));
            }
        }

        return mismatches;
    }

    private static void Compare(YamlNode expected, JsonNode? actual, bool present, string path, IValueScope scope, List<Mismatch> mismatches)
    {
        switch (expected)
        {
            case YamlMappingNode members when actual is JsonObject actualMembers:
                foreach (var (key, value) in members.Children)
                {
                    var name = ((YamlScalarNode)key).Value!;
                    var has = actualMembers.TryGetPropertyValue(name, out var member);
                    Compare(value, member, has, Join(path, name), scope, mismatches);
                }

                break;
            case YamlSequenceNode items when actual is JsonArray actualItems:
                if (items.Children.Count != actualItems.Count)
                {
                    mismatches.Add(new Mismatch(path, $"{items.Children.Count} items: {ShowYaml(items)}", $"{actualItems.Count} items: {Show(actual)}"));
                    break;
                }

                for (var i = 0; i < actualItems.Count; i++)
                {
                    Compare(items.Children[i], actualItems[i], true, $"{path}[{i}]", scope, mismatches);
                }

                break;
            case YamlScalarNode scalar when YamlJson.IsNull(scalar):
                if (actual is not null)
                {
                    mismatches.Add(new Mismatch(path, "absent", Show(actual)));
                }

                break;
            case YamlScalarNode scalar:
                var wanted = Resolve(scalar, scope);
                if (!present || !Matches(wanted, actual))
                {
                    mismatches.Add(new Mismatch(path, Show(wanted), present ? ShowLike(actual, wanted) : "absent"));
                }

                break;
            default:
                mismatches.Add(new Mismatch(path, ShowYaml(expected), present ? Show(actual) : "absent"));
                break;
        }
    }

    /// <summary>Equal as a script means it: text to text, numbers by value, a time to epoch seconds, booleans; structures deeply.</summary>
    private static bool Matches(JsonNode? expected, JsonNode? actual)
    {
        if (expected is not JsonValue wanted || actual is not JsonValue value)
        {
            return JsonNode.DeepEquals(expected, actual);
        }

        var text = Template.TextOf(wanted);
        if (value.TryGetValue<string>(out var actualText))
        {
            return actualText == text;
        }

        if (value.TryGetValue<bool>(out var flag))
        {
            return bool.TryParse(text, out var wantedFlag) && wantedFlag == flag;
        }

        var number = decimal.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var wantedNumber))
        {
            return wantedNumber == number;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            && time.ToUnixTimeMilliseconds() / 1000m == number;
    }

    private static JsonNode? Resolve(YamlScalarNode scalar, IValueScope scope)
    {
        var template = Template.Parse(scalar.Value ?? "", out _) ?? Template.Literal(scalar.Value ?? "");
        return template.Resolve(scope.Resolve);
    }

    private static object Scalar(YamlNode node, IValueScope scope) =>
        node is YamlScalarNode scalar ? Template.TextOf(Resolve(scalar, scope)) : "-1";

    private static string Join(string path, string member) => path.Length == 0 ? member : $"{path}.{member}";

    public static string Show(JsonNode? value)
    {
        var text = value is null ? "null" : Template.TextOf(value);
        return text.Length > 300 ? text[..300] + "…" : text;
    }

    /// <summary>An actual value shown the way the expected one is written: epoch seconds as a time when a time was expected.</summary>
    private static string ShowLike(JsonNode? actual, JsonNode? expected)
    {
        if (actual is JsonValue number && number.TryGetValue<decimal>(out var seconds) && expected is JsonValue wanted
            && !decimal.TryParse(Template.TextOf(wanted), NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            && DateTimeOffset.TryParse(Template.TextOf(wanted), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
        {
            return $"{DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000)):yyyy-MM-ddTHH:mm:ssZ} ({Show(actual)})";
        }

        return Show(actual);
    }

    private static string ShowYaml(YamlNode node) => YamlText.Flow(node, 300);
}
