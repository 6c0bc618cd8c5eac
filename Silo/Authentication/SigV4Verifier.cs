using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using RegionSim.Regions;
using RegionSim.Silo.AppStream;

namespace RegionSim.Silo.Authentication;

/// <summary>
/// Checks the SigV4 signature of every AppStream request against the configured access keys and
/// answers who is calling: the key's account, in the Region of the credential scope (with
/// <c>--endpoint-url</c> every Region reaches the same host, so the scope is the only place it is said).
/// </summary>
public sealed class SigV4Verifier(AccessKeys keys, TimeProvider wallClock)
{
    /// <summary>How far a request's time may be from the silo's wall clock, as AWS allows.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(15);

    private const string SignatureMismatch =
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    private readonly ConcurrentDictionary<(string AccessKeyId, string Date, string Region), byte[]> _signingKeys = new();

    /// <summary>The caller of a signed request, or an <see cref="AuthenticationFailure"/> worded as AWS words it.</summary>
    public AppStreamCaller Verify(HttpRequest request, ReadOnlySpan<byte> body)
    {
        string? authorization = request.Headers.Authorization;
        if (string.IsNullOrEmpty(authorization))
        {
            throw request.Query.ContainsKey("X-Amz-Algorithm")
                ? AuthenticationFailure.Incomplete("RegionSim accepts SigV4 signatures in the Authorization header only, not presigned query strings.")
                : AuthenticationFailure.MissingToken();
        }

        var header = AuthorizationHeader.Parse(authorization);
        var amzDate = RequestTime(request, authorization, out var requestTime);
        var scope = header.Credential.Split('/');
        if (scope.Length != 5)
        {
            throw AuthenticationFailure.Incomplete(
                $"Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '{header.Credential}'");
        }

        var (accessKeyId, date, region, service, terminator) = (scope[0], scope[1], scope[2], scope[3], scope[4]);
        if (!keys.TryFind(accessKeyId, out var key))
        {
            throw AuthenticationFailure.UnrecognizedClient();
        }

        CheckScope(date, region, service, terminator, amzDate);
        CheckClockSkew(requestTime);
        if (!header.SignedHeaders.Contains("host"))
        {
            throw AuthenticationFailure.Incomplete("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }

        var payloadHash = SigV4.HexSha256(body);
        string? sentHash = request.Headers["x-amz-content-sha256"];
        if (sentHash is not null && !string.Equals(sentHash, payloadHash, StringComparison.OrdinalIgnoreCase))
        {
            throw AuthenticationFailure.InvalidSignature("The x-amz-content-sha256 header does not match the SHA-256 hash of the request body.");
        }

        var headers = new List<KeyValuePair<string, string>>(header.SignedHeaders.Length);
        foreach (var name in header.SignedHeaders)
        {
            headers.Add(KeyValuePair.Create(name, SigV4.CanonicalHeaderValue(request.Headers[name])));
        }

        var canonical = SigV4.CanonicalRequest(request.Method, SigV4.CanonicalUri(request.PathBase + request.Path),
            SigV4.CanonicalQuery(request.QueryString.Value), headers, payloadHash);
        var signingKey = _signingKeys.GetOrAdd((accessKeyId, date, region),
            static (scope, secret) => SigV4.SigningKey(secret, scope.Date, scope.Region, SigV4.Service), key.SecretAccessKey);
        var expected = SigV4.Signature(signingKey, SigV4.StringToSign(amzDate, SigV4.Scope(date, region, service), canonical));
        if (!CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(expected.AsSpan()), MemoryMarshal.AsBytes(header.Signature.AsSpan())))
        {
            throw AuthenticationFailure.InvalidSignature(SignatureMismatch);
        }

        return new AppStreamCaller(key.AccountId, region);
    }

    /// <summary>The request's time: <c>X-Amz-Date</c>, else the HTTP <c>Date</c> header.</summary>
    private static string RequestTime(HttpRequest request, string authorization, out DateTimeOffset time)
    {
        string? amzDate = request.Headers["X-Amz-Date"];
        if (amzDate is not null)
        {
            return SigV4.TryParseDateTime(amzDate, out time)
                ? amzDate
                : throw AuthenticationFailure.Incomplete($"Date must be in ISO-8601 'basic format'. Got '{amzDate}'. See http://en.wikipedia.org/wiki/ISO_8601");
        }

        string? httpDate = request.Headers.Date;
        if (httpDate is not null && DateTimeOffset.TryParseExact(httpDate, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time))
        {
            return SigV4.FormatDateTime(time);
        }

        throw AuthenticationFailure.Incomplete($"Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization={authorization}");
    }

    private static void CheckScope(string date, string region, string service, string terminator, string amzDate)
    {
        if (terminator != SigV4.Terminator)
        {
            throw AuthenticationFailure.InvalidSignature($"Credential should be scoped with a valid terminator: '{SigV4.Terminator}', not '{terminator}'.");
        }

        if (service != SigV4.Service)
        {
            throw AuthenticationFailure.InvalidSignature($"Credential should be scoped to correct service: '{SigV4.Service}'. ");
        }

        if (!AwsRegions.IsKnown(region))
        {
            throw AuthenticationFailure.InvalidSignature(
                $"Credential should be scoped to a valid region, not '{region}'. AppStream 2.0 runs in {string.Join(", ", AwsRegions.Codes)}.");
        }

        if (date != amzDate[..8])
        {
            throw AuthenticationFailure.InvalidSignature(
                $"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{date}' != '{amzDate[..8]}', from '{amzDate}'.");
        }
    }

    private void CheckClockSkew(DateTimeOffset requestTime)
    {
        var now = wallClock.GetUtcNow();
        if (requestTime < now - MaxClockSkew)
        {
            throw AuthenticationFailure.InvalidSignature(
                $"Signature expired: {SigV4.FormatDateTime(requestTime)} is now earlier than {SigV4.FormatDateTime(now - MaxClockSkew)} ({SigV4.FormatDateTime(now)} - 15 min.)");
        }

        if (requestTime > now + MaxClockSkew)
        {
            throw AuthenticationFailure.InvalidSignature(
                $"Signature not yet current: {SigV4.FormatDateTime(requestTime)} is still later than {SigV4.FormatDateTime(now + MaxClockSkew)} ({SigV4.FormatDateTime(now)} + 15 min.)");
        }
    }

    /// <summary><c>AWS4-HMAC-SHA256 Credential=..., SignedHeaders=a;b, Signature=hex</c>, taken apart.</summary>
    private sealed record AuthorizationHeader(string Credential, string[] SignedHeaders, string Signature)
    {
        public static AuthorizationHeader Parse(string authorization)
        {
            var space = authorization.IndexOf(' ');
            var algorithm = space < 0 ? authorization : authorization[..space];
            if (algorithm != SigV4.Algorithm)
            {
                throw AuthenticationFailure.Incomplete($"Unsupported AWS 'algorithm': '{algorithm}'. RegionSim accepts '{SigV4.Algorithm}' (SigV4).");
            }

            string? credential = null, signedHeaders = null, signature = null;
            foreach (var part in authorization[(space + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = part.IndexOf('=');
                var (name, value) = equals < 0 ? (part, "") : (part[..equals], part[(equals + 1)..]);
                switch (name)
                {
                    case "Credential": credential = value; break;
                    case "SignedHeaders": signedHeaders = value; break;
                    case "Signature": signature = value; break;
                }
            }

            if (string.IsNullOrEmpty(credential) || string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(signedHeaders))
            {
                var missing = new[] { ("Credential", credential), ("Signature", signature), ("SignedHeaders", signedHeaders) }
                    .Where(p => string.IsNullOrEmpty(p.Item2))
                    .Select(p => $"Authorization header requires '{p.Item1}' parameter.");
                throw AuthenticationFailure.Incomplete($"{string.Join(' ', missing)} Authorization={authorization}");
            }

            var names = signedHeaders!.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(n => n.Trim().ToLowerInvariant()).ToArray();
            return new AuthorizationHeader(credential!, names, signature!);
        }
    }
}
