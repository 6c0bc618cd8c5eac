using System.Globalization;
using System.Text.Json.Nodes;

namespace RegionSim.Client.Scripts.Values;

/// <summary>
/// A path into a result, as scripts write it: members by name and list elements by index
/// (<c>Images[0].State</c>, <c>Fleets[0].ComputeCapacityStatus.Desired</c>, <c>Tags.team</c>; <c>[-1]</c> is the last).
/// A number between dots indexes a list too (<c>Images.0.State</c>), which YAML reads inside <c>{ }</c> where
/// it would take <c>[0]</c> for a list.
/// </summary>
public sealed class ValuePath
{
    private ValuePath(string text, IReadOnlyList<object> segments)
    {
        Text = text;
        Segments = segments;
    }

    public string Text { get; }

    /// <summary>Member names (<see cref="string"/>) and indexes (<see cref="int"/>), in order.</summary>
    public IReadOnlyList<object> Segments { get; }

    public static ValuePath Root { get; } = new("", []);

    public override string ToString() => Text;

    /// <summary>Reads <paramref name="text"/>; null with <paramref name="problem"/> when it is no path.</summary>
    public static ValuePath? Parse(string text, out string? problem)
    {
        problem = null;
        var segments = new List<object>();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '[')
            {
                var end = text.IndexOf(']', i);
                if (end < 0 || !int.TryParse(text.AsSpan(i + 1, end - i - 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index))
                {
                    problem = $"'{text}' is not a path: an index is a whole number in brackets, like Images[0].";
                    return null;
                }

                segments.Add(index);
                i = end + 1;
                if (i < text.Length && text[i] == '.')
                {
                    i++;
                    if (i == text.Length)
                    {
                        problem = $"'{text}' is not a path: it ends with a dot.";
                        return null;
                    }
                }
                else if (i < text.Length && text[i] != '[')
                {
                    problem = $"'{text}' is not a path: write a dot between {text[..i]} and what follows.";
                    return null;
                }
            }
            else
            {
                var end = text.IndexOfAny(['.', '['], i);
                end = end < 0 ? text.Length : end;
                if (end == i)
                {
                    problem = $"'{text}' is not a path: a member name is missing at character {i + 1}.";
                    return null;
                }

                segments.Add(text[i..end]);
                i = end < text.Length && text[end] == '.' ? end + 1 : end;
                if (end < text.Length && text[end] == '.' && i == text.Length)
                {
                    problem = $"'{text}' is not a path: it ends with a dot.";
                    return null;
                }
            }
        }

        return new ValuePath(text, segments);
    }

    /// <summary>Why this path can't be in a value of <paramref name="shape"/>, or null when it can; <paramref name="at"/> names where that value is.</summary>
    public string? Check(ValueShape shape, string? at = null)
    {
        var current = shape;
        var walked = "";
        foreach (var segment in Segments)
        {
            if (current.Kind == ShapeKind.Any)
            {
                return null;
            }

            if (segment is int index)
            {
                if (current.Element is not { } element)
                {
                    return $"{Describe(walked, shape, at)} is {Article(current)}, not a list: it has no [{index}].";
                }

                current = element;
                walked += $"[{index}]";
                continue;
            }

            var name = (string)segment;
            if (current.Kind == ShapeKind.List && IsIndex(name))
            {
                current = current.Element!;
                walked += $"[{name}]";
                continue;
            }

            if (current.Kind is not (ShapeKind.Structure or ShapeKind.Map))
            {
                return $"{Describe(walked, shape, at)} is {Article(current)}: it has no member {name}.";
            }

            var member = current.Kind == ShapeKind.Map ? current.Value : current.Member(name);
            if (member is null)
            {
                var similar = current.MemberNames.FirstOrDefault(m => string.Equals(m, name, StringComparison.OrdinalIgnoreCase));
                return similar is not null
                    ? $"{Describe(walked, shape, at)} has no member {name}; did you mean {similar}? (names are case-sensitive)"
                    : $"{Describe(walked, shape, at)} has no member {name}; its members are {string.Join(", ", current.MemberNames)}.";
            }

            current = member;
            walked = walked.Length == 0 ? name : $"{walked}.{name}";
        }

        return null;
    }

    /// <summary>The shape at the end of this path in <paramref name="shape"/> (<see cref="ValueShape.Any"/> where unknown).</summary>
    public ValueShape ShapeIn(ValueShape shape)
    {
        var current = shape;
        foreach (var segment in Segments)
        {
            current = (segment is int || (current.Kind == ShapeKind.List && IsIndex((string)segment)) ? current.Element
                : current.Kind == ShapeKind.Map ? current.Value
                : current.Member((string)segment)) ?? ValueShape.Any;
        }

        return current;
    }

    /// <summary>The value at this path; false when some member or element along it is absent.</summary>
    public bool TryFind(JsonNode? root, out JsonNode? value)
    {
        value = root;
        foreach (var segment in Segments)
        {
            var position = segment is string text && value is JsonArray && IsIndex(text) ? int.Parse(text, CultureInfo.InvariantCulture) : segment;
            switch (position, value)
            {
                case (int index, JsonArray list):
                    var at = index < 0 ? list.Count + index : index;
                    if (at < 0 || at >= list.Count)
                    {
                        value = null;
                        return false;
                    }

                    value = list[at];
                    break;
                case (string name, JsonObject members):
                    if (!members.TryGetPropertyValue(name, out value))
                    {
                        return false;
                    }

                    break;
                default:
                    value = null;
                    return false;
            }
        }

        return true;
    }

    private static bool IsIndex(string segment) => int.TryParse(segment, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);

    private static string Describe(string walked, ValueShape root, string? at) =>
        walked.Length == 0 ? at ?? $"The result ({root.Name})" : at is null ? walked : $"{at}.{walked}";

    private static string Article(ValueShape shape) => shape.Kind switch
    {
        ShapeKind.Structure => $"a {shape.Name} structure",
        ShapeKind.Map => "a map",
        ShapeKind.List => "a list",
        _ => $"a {shape.Kind.ToString().ToLowerInvariant()}",
    };
}
