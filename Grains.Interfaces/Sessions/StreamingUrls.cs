using System.Buffers.Text;
using System.Security.Cryptography;
using RegionSim.Errors;

namespace RegionSim.Sessions;

/// <summary>
/// Streaming URLs as CreateStreamingURL and CreateImageBuilderStreamingURL make them:
/// <c>https://appstream2.REGION.aws.amazon.com/authenticate?parameters=TOKEN</c>. The token is 32 random
/// bytes (base64url) and says nothing by itself: it is the key of the <see cref="IStreamingUrlGrain"/> that
/// knows what the URL opens, until when, and whether it was opened. Through the HTTP endpoint the URL
/// points at the silo instead (same path and query), where opening it starts the session.
/// </summary>
public static class StreamingUrls
{
    public const string Path = "/authenticate";
    public const string Parameter = "parameters";
    private const int TokenBytes = 32;
    private static readonly int TokenLength = Base64Url.GetEncodedLength(TokenBytes);

    /// <summary>A new token from the cryptographic random number generator: unguessable, and unrelated to any id.</summary>
    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));

    /// <summary>The URL of <paramref name="token"/> as AppStream's own host would serve it.</summary>
    public static string Create(string region, string token) => $"https://appstream2.{region}.aws.amazon.com{Path}?{Parameter}={token}";

    /// <summary>The same URL on <paramref name="origin"/> (<c>http://127.0.0.1:4599</c>); unchanged when there is none.</summary>
    public static string At(string? origin, string url)
    {
        var path = url.IndexOf(Path, StringComparison.Ordinal);
        return origin is null || path < 0 ? url : origin.TrimEnd('/') + url[path..];
    }

    /// <summary>The token of a streaming URL (on any host), or a bare token; a Validation refusal when it can't be one.</summary>
    public static string TokenOf(string? urlOrToken)
    {
        var text = urlOrToken ?? "";
        var at = text.IndexOf(Parameter + "=", StringComparison.Ordinal);
        var token = at < 0 ? text : text[(at + Parameter.Length + 1)..];
        var end = token.IndexOf('&');
        token = end < 0 ? token : token[..end];
        return IsToken(token)
            ? token
            : throw AppStreamException.Invalid("This is not a streaming URL that CreateStreamingURL or CreateImageBuilderStreamingURL issued: its parameters are not a streaming URL token.");
    }

    public static bool IsToken(string token) => token.Length == TokenLength && Base64Url.IsValid(token);
}
