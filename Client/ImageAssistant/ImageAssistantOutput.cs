using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using RegionSim.ImageBuilders;

namespace RegionSim.Client.ImageAssistant;

/// <summary>
/// Image Assistant's answer as it prints it: one line of JSON with a space after each colon and comma,
/// <c>{"status": 0, "message": "Success"}</c>, and the catalogue for list-applications.
/// </summary>
public static class ImageAssistantOutput
{
    private static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Format(ImageAssistantResult result)
    {
        var json = new JsonObject
        {
            ["status"] = result.Status,
            ["message"] = result.Message,
        };
        if (result.Applications is { } applications)
        {
            json["applications"] = JsonSerializer.SerializeToNode(applications, Options);
        }

        return Write(json);
    }

    private static string Write(JsonNode? node) => node switch
    {
        JsonObject members => "{" + string.Join(", ", members.Select(member => $"{Encode(member.Key)}: {Write(member.Value)}")) + "}",
        JsonArray items => "[" + string.Join(", ", items.Select(Write)) + "]",
        null => "null",
        _ => node.ToJsonString(Options),
    };

    private static string Encode(string text) => JsonSerializer.Serialize(text, Options);
}
