using System.Text;
using System.Text.Json;
using RegionSim.Errors;

namespace RegionSim.Sessions;

/// <summary>
/// Streaming URLs as CreateStreamingURL makes them: <c>https://appstream2.REGION.aws.amazon.com/authenticate?parameters=TOKEN</c>.
/// The token carries whom the URL is for (region, account, stack, fleet, user) and when it expires; it is
/// opaque to clients and not secret (this is a simulator). The fleet decides whether a token still admits.
/// </summary>
public static class StreamingUrls
{
    private const string Parameter = "parameters=";

    public static string Create(StreamingConnectRequest token) =>
        $"https://appstream2.{token.Region}.aws.amazon.com/authenticate?{Parameter}{Encode(token)}";

    /// <summary>The token of a streaming URL (or a bare token); a Validation refusal when it is not one this simulator made.</summary>
    public static StreamingConnectRequest Read(string urlOrToken)
    {
        var at = urlOrToken.IndexOf(Parameter, StringComparison.Ordinal);
        var token = at < 0 ? urlOrToken : urlOrToken[(at + Parameter.Length)..];
        var end = token.IndexOf('&');
        token = end < 0 ? token : token[..end];
        try
        {
            var padded = token.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            return JsonSerializer.Deserialize<StreamingConnectRequest>(Convert.FromBase64String(padded))
                ?? throw new JsonException("empty token");
        }
        catch (Exception error) when (error is FormatException or JsonException or ArgumentException)
        {
            throw AppStreamException.Invalid("The streaming URL is not one that CreateStreamingURL issued.");
        }
    }

    private static string Encode(StreamingConnectRequest token) =>
        Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(token)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
