using System.Text;
using System.Text.Json;

namespace RegionSim.Silo.AppStream;

/// <summary>
/// What an AppStream operation answers, as the wire carries it: the HTTP status, and the JSON body —
/// the operation's output, or <c>{"__type": "...Exception", "message": "..."}</c> for an error.
/// </summary>
public sealed class AppStreamAnswer
{
    private AppStreamAnswer(int statusCode, byte[] json, string? errorType, string? errorMessage)
    {
        StatusCode = statusCode;
        Json = json;
        ErrorType = errorType;
        ErrorMessage = errorMessage;
    }

    public int StatusCode { get; }

    /// <summary>The UTF-8 JSON body.</summary>
    public ReadOnlyMemory<byte> Json { get; }

    /// <summary>The error's <c>__type</c> (e.g. <c>ResourceNotFoundException</c>); null when the operation succeeded.</summary>
    public string? ErrorType { get; }

    public string? ErrorMessage { get; }

    public bool IsError => ErrorType is not null;

    public string JsonText => Encoding.UTF8.GetString(Json.Span);

    public static AppStreamAnswer Output(byte[] json) => new(StatusCodes.Status200OK, json, null, null);

    public static AppStreamAnswer Error(string errorType, string message, int statusCode = StatusCodes.Status400BadRequest) =>
        new(statusCode, JsonSerializer.SerializeToUtf8Bytes(new WireError(errorType, message), WireErrorContext.Default.WireError), errorType, message);

    public override string ToString() => $"{StatusCode} {JsonText}";
}
