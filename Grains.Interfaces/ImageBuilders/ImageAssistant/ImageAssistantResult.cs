namespace RegionSim.ImageBuilders;

/// <summary>
/// What an Image Assistant operation answers, as the CLI prints it: status 0 (success), 1 (a refusal
/// AWS documents) or 255 (anything else), and the message. Warnings are what Image Assistant shows
/// beside the result (Windows Update turned off, antivirus updating itself).
/// </summary>
[GenerateSerializer, Immutable, Alias("RegionSim.ImageAssistantResult")]
public sealed record ImageAssistantResult
{
    public const int Success = 0;
    public const int Refused = 1;
    public const int Unexpected = 255;

    [Id(0)] public required int Status { get; init; }
    [Id(1)] public required string Message { get; init; }

    /// <summary>The catalogue, for list-applications only.</summary>
    [Id(2)] public IReadOnlyList<ApplicationConfig>? Applications { get; init; }

    [Id(3)] public IReadOnlyList<string> Warnings { get; init; } = [];

    public static ImageAssistantResult Succeeded(IReadOnlyList<string>? warnings = null) =>
        new() { Status = Success, Message = "Success", Warnings = warnings ?? [] };

    public static ImageAssistantResult Refusal(string message) => new() { Status = Refused, Message = message };

    public static ImageAssistantResult Error(string message) => new() { Status = Unexpected, Message = message };
}
