using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RegionSim.Silo.Authentication;

/// <summary>
/// The arithmetic of AWS Signature Version 4 (AWS4-HMAC-SHA256), shared by the endpoint that checks
/// signatures and the clients (tests, benchmark) that make them, so both compute the same thing.
/// </summary>
public static class SigV4
{
    public const string Algorithm = "AWS4-HMAC-SHA256";
    public const string Terminator = "aws4_request";
    public const string Service = "appstream";

    /// <summary>The ISO 8601 basic format of <c>X-Amz-Date</c>: <c>20261130T062209Z</c>.</summary>
    public const string DateTimeFormat = "yyyyMMdd'T'HHmmss'Z'";

    public static string FormatDateTime(DateTimeOffset time) => time.UtcDateTime.ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    public static bool TryParseDateTime(string? text, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(text, DateTimeFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);

    public static string Scope(string date, string region, string service) => $"{date}/{region}/{service}/{Terminator}";

    /// <summary>The canonical request; <paramref name="headers"/> are lower-case names with their canonical values, in signing order.</summary>
    public static string CanonicalRequest(string method, string canonicalUri, string canonicalQuery,
        IReadOnlyList<KeyValuePair<string, string>> headers, string payloadHash)
    {
        var text = new StringBuilder(256);
        text.Append(method).Append('\n').Append(canonicalUri).Append('\n').Append(canonicalQuery).Append('\n');
        foreach (var (name, value) in headers)
        {
            text.Append(name).Append(':').Append(value).Append('\n');
        }

        text.Append('\n');
        for (var i = 0; i < headers.Count; i++)
        {
            text.Append(i == 0 ? "" : ";").Append(headers[i].Key);
        }

        return text.Append('\n').Append(payloadHash).ToString();
    }

    public static string StringToSign(string amzDate, string scope, string canonicalRequest) =>
        $"{Algorithm}\n{amzDate}\n{scope}\n{HexSha256(Encoding.UTF8.GetBytes(canonicalRequest))}";

    public static byte[] SigningKey(string secretAccessKey, string date, string region, string service)
    {
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), Encoding.UTF8.GetBytes(date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(Terminator));
    }

    public static string Signature(byte[] signingKey, string stringToSign) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes(stringToSign)));

    public static string HexSha256(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    /// <summary>A header value as it is signed: trimmed, runs of spaces collapsed to one, several values joined by commas.</summary>
    public static string CanonicalHeaderValue(IEnumerable<string?> values)
    {
        if (values is Microsoft.Extensions.Primitives.StringValues { Count: 1 } single && IsCanonical(single[0]))
        {
            return single[0]!;
        }

        var text = new StringBuilder();
        foreach (var value in values)
        {
            if (text.Length > 0)
            {
                text.Append(',');
            }

            var lastWasSpace = false;
            foreach (var c in (value ?? "").Trim())
            {
                var isSpace = c == ' ' || c == '\t';
                if (!(isSpace && lastWasSpace))
                {
                    text.Append(isSpace ? ' ' : c);
                }

                lastWasSpace = isSpace;
            }
        }

        return text.ToString();
    }

    /// <summary>The path, each segment URI-encoded (the path of every AppStream call is <c>/</c>).</summary>
    public static string CanonicalUri(string path) =>
        string.IsNullOrEmpty(path) || path == "/" ? "/" : string.Join('/', path.Split('/').Select(UriEncode));

    /// <summary>A value already as it is signed: no surrounding whitespace, no tabs, no runs of spaces.</summary>
    private static bool IsCanonical(string? value) =>
        value is not null
        && (value.Length == 0 || (value[0] != ' ' && value[^1] != ' '))
        && !value.Contains('\t') && !value.Contains("  ", StringComparison.Ordinal);

    /// <summary>The query string with names and values URI-encoded and sorted by name, then value.</summary>
    public static string CanonicalQuery(string? rawQuery)
    {
        var query = rawQuery?.TrimStart('?');
        if (string.IsNullOrEmpty(query))
        {
            return "";
        }

        return string.Join('&', query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair =>
            {
                var equals = pair.IndexOf('=');
                var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
                var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
                return (Name: UriEncode(name), Value: UriEncode(value));
            })
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={p.Value}"));
    }

    /// <summary>RFC 3986 encoding as SigV4 wants it: everything but unreserved characters, upper-case hex.</summary>
    public static string UriEncode(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                text.Append(c);
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }
}
