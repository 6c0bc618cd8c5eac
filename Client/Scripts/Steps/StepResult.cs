using System.Text.Json.Nodes;

namespace RegionSim.Client.Scripts.Steps;

/// <summary>
/// What a step gave: its result as JSON (for an AppStream error, the error's body <c>{"__type", "message"}</c>),
/// a one-line summary for the table, and, when the step itself could not do its work (a condition that
/// never held, a call that threw), why.
/// </summary>
public sealed record StepResult
{
    public JsonNode? Value { get; init; }

    /// <summary>The AppStream error the step met (e.g. <c>ResourceInUseException</c>), or null.</summary>
    public string? ErrorType { get; init; }

    public string? ErrorMessage { get; init; }

    public required string Summary { get; init; }

    public string? Failure { get; init; }

    public static StepResult Of(JsonNode? value, string summary) => new() { Value = value, Summary = summary };

    public static StepResult Error(string type, string message) => new()
    {
        Value = new JsonObject { ["__type"] = type, ["message"] = message },
        ErrorType = type,
        ErrorMessage = message,
        Summary = type,
    };

    public static StepResult Failed(string failure, JsonNode? value = null) => new() { Value = value, Summary = failure, Failure = failure };
}

/// <summary>One thing a step expected that its result did not give: what, expected, actual.</summary>
public sealed record Mismatch(string What, string Expected, string Actual);
