using System.Text;
using System.Text.Json.Nodes;

namespace RegionSim.Client.Scripts.Values;

/// <summary>
/// A scalar of a script that may refer to what earlier steps saved: <c>${url1.StreamingURL}</c> (the
/// result of the step with <c>save: url1</c>), <c>${accounts.prod}</c> (a named account). A scalar that is
/// one reference and nothing else takes the referenced value as it is (a number stays a number, a list a
/// list); references inside text are replaced by their text. <c>$${</c> writes a literal <c>${</c>.
/// </summary>
public sealed class Template
{
    private readonly IReadOnlyList<object> _parts;

    private Template(string text, IReadOnlyList<object> parts)
    {
        Text = text;
        _parts = parts;
        References = parts.OfType<TemplateReference>().ToArray();
    }

    public string Text { get; }

    public IReadOnlyList<TemplateReference> References { get; }

    /// <summary>The text is exactly one reference.</summary>
    public bool IsOneReference => _parts.Count == 1 && _parts[0] is TemplateReference;

    public static Template Literal(string text) => new(text, [text]);

    /// <summary>Reads <paramref name="text"/>; null with <paramref name="problem"/> when a reference is malformed.</summary>
    public static Template? Parse(string text, out string? problem)
    {
        problem = null;
        var parts = new List<object>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text.AsSpan(i).StartsWith("$${"))
            {
                literal.Append("${");
                i += 3;
                continue;
            }

            if (!text.AsSpan(i).StartsWith("${"))
            {
                literal.Append(text[i++]);
                continue;
            }

            var end = text.IndexOf('}', i + 2);
            if (end < 0)
            {
                problem = $"'{text}': a reference opened with ${{ is not closed with }}.";
                return null;
            }

            var inner = text[(i + 2)..end].Trim();
            var dot = inner.IndexOfAny(['.', '[']);
            var name = dot < 0 ? inner : inner[..dot];
            var pathText = dot < 0 ? "" : inner[dot] == '.' ? inner[(dot + 1)..] : inner[dot..];
            var path = ValuePath.Parse(pathText, out var pathProblem);
            if (name.Length == 0 || path is null)
            {
                problem = name.Length == 0 ? $"'{text}': ${{}} must name a saved result, like ${{url1.StreamingURL}}." : pathProblem;
                return null;
            }

            if (literal.Length > 0)
            {
                parts.Add(literal.ToString());
                literal.Clear();
            }

            parts.Add(new TemplateReference(name, path, text[i..(end + 1)]));
            i = end + 1;
        }

        if (literal.Length > 0 || parts.Count == 0)
        {
            parts.Add(literal.ToString());
        }

        return new Template(text, parts);
    }

    /// <summary>The value, with each reference looked up by <paramref name="lookup"/>.</summary>
    public JsonNode? Resolve(Func<TemplateReference, JsonNode?> lookup)
    {
        if (IsOneReference)
        {
            return lookup((TemplateReference)_parts[0])?.DeepClone();
        }

        if (References.Count == 0)
        {
            return JsonValue.Create((string)_parts[0]);
        }

        var text = new StringBuilder();
        foreach (var part in _parts)
        {
            text.Append(part is TemplateReference reference ? TextOf(lookup(reference)) : (string)part);
        }

        return JsonValue.Create(text.ToString());
    }

    /// <summary>A value as it reads inside text: a string as it is, anything else as JSON.</summary>
    public static string TextOf(JsonNode? value) =>
        value is JsonValue scalar && scalar.TryGetValue<string>(out var text) ? text : value?.ToJsonString() ?? "null";

    public override string ToString() => Text;
}

/// <summary><c>${name.path}</c>: the result an earlier step saved as <paramref name="Name"/>, and a path into it.</summary>
public sealed record TemplateReference(string Name, ValuePath Path, string Text);
