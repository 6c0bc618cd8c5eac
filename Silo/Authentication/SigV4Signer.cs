using System.Net.Http.Headers;

namespace RegionSim.Silo.Authentication;

/// <summary>
/// Signs requests as an AWS SDK does (header signing, not query presigning), for the clients RegionSim
/// itself runs: the endpoint benchmark and the tests. Every header present when signing is signed.
/// </summary>
public sealed class SigV4Signer(string accessKeyId, string secretAccessKey, string region, string service = SigV4.Service)
{
    public string Region => region;

    /// <summary>
    /// Adds <c>Host</c>, <c>X-Amz-Date</c> (and, with <paramref name="sendPayloadHash"/>,
    /// <c>x-amz-content-sha256</c>, as the JavaScript SDK does) and the <c>Authorization</c> header.
    /// </summary>
    public void Sign(HttpRequestMessage request, ReadOnlySpan<byte> body, DateTimeOffset now, bool sendPayloadHash = false)
    {
        var uri = request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(request));
        var amzDate = SigV4.FormatDateTime(now);
        var payloadHash = SigV4.HexSha256(body);
        request.Headers.Host = uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}";
        request.Headers.Remove("X-Amz-Date");
        request.Headers.Add("X-Amz-Date", amzDate);
        if (sendPayloadHash)
        {
            request.Headers.Remove("x-amz-content-sha256");
            request.Headers.Add("x-amz-content-sha256", payloadHash);
        }

        request.Headers.Authorization = null;
        IEnumerable<KeyValuePair<string, HeaderStringValues>> sent = request.Headers.NonValidated;
        if (request.Content is not null)
        {
            sent = sent.Concat(request.Content.Headers.NonValidated);
        }

        var headers = sent
            .Where(header => !header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(header => KeyValuePair.Create(header.Key.ToLowerInvariant(), SigV4.CanonicalHeaderValue(header.Value)))
            .OrderBy(header => header.Key, StringComparer.Ordinal)
            .ToList();
        var canonical = SigV4.CanonicalRequest(request.Method.Method, SigV4.CanonicalUri(uri.AbsolutePath), SigV4.CanonicalQuery(uri.Query), headers, payloadHash);
        var date = amzDate[..8];
        var scope = SigV4.Scope(date, region, service);
        var signature = SigV4.Signature(SigV4.SigningKey(secretAccessKey, date, region, service), SigV4.StringToSign(amzDate, scope, canonical));
        request.Headers.TryAddWithoutValidation("Authorization",
            $"{SigV4.Algorithm} Credential={accessKeyId}/{scope}, SignedHeaders={string.Join(';', headers.Select(h => h.Key))}, Signature={signature}");
    }
}
