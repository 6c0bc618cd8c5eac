using System.Text.Json.Nodes;
using RegionSim.Client.Scripts.Values;

namespace RegionSim.Client.Scripts.Steps;

/// <summary>A result in a few words for the summary table: <c>app-v1 AVAILABLE</c>, <c>2 Images: a, b</c>, <c>ok</c>.</summary>
public static class ResultSummary
{
    public static string Of(JsonNode? result)
    {
        if (result is not JsonObject members || members.Count == 0)
        {
            return result is null or JsonObject ? "ok" : Short(Template.TextOf(result));
        }

        if (members.Count == 1 && members.First().Value is JsonObject single && NameAndState(single) is { } described)
        {
            return described;
        }

        if (members.Count <= 2 && members.FirstOrDefault(m => m.Value is JsonArray).Value is JsonArray list)
        {
            var name = members.First(m => m.Value is JsonArray).Key;
            var items = list.Select(item => item is JsonObject o ? NameAndState(o) ?? Short(item.ToJsonString(), 30) : Template.TextOf(item)).Take(4);
            return list.Count == 0 ? $"no {name}" : $"{list.Count} {name}: {string.Join(", ", items)}{(list.Count > 4 ? ", …" : "")}";
        }

        return NameAndState(members) ?? Short(string.Join(", ", members.Select(m => $"{m.Key}: {Template.TextOf(m.Value)}")));
    }

    private static string? NameAndState(JsonObject value)
    {
        var name = Text(value, "Name") ?? Text(value, "Id");
        var state = Text(value, "State");
        return (name, state) switch
        {
            (null, null) => null,
            (null, _) => state,
            (_, null) => name,
            _ => $"{name} {state}",
        };
    }

    private static string? Text(JsonObject value, string member) =>
        value.TryGetPropertyValue(member, out var found) && found is JsonValue scalar && scalar.TryGetValue<string>(out var text) ? text : null;

    public static string Short(string text, int max = 70) => text.Length > max ? text[..(max - 1)] + "…" : text;
}
