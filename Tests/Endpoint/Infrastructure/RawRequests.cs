using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using RegionSim.Silo.Authentication;

namespace RegionSim.Tests.Endpoint.Infrastructure;

/// <summary>An answer of the endpoint as HTTP carried it.</summary>
public sealed record RawAnswer(HttpStatusCode Status, string Body, HttpResponseHeaders Headers, string? ContentType)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

    public string? ErrorType => Json.TryGetProperty("__type", out var type) ? type.GetString() : null;

    public string Message => Json.GetProperty("message").GetString()!;

    public override string ToString() => $"{(int)Status} {Body}";
}

/// <summary>
/// Hand-made HTTP requests to the endpoint, signed with SigV4 as an SDK signs them, for what the AWS
/// clients never send: malformed bodies, odd headers, skewed clocks, unknown operations.
/// </summary>
public static class RawRequests
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) });

    public static Task<RawAnswer> CallAsync(this EndpointFixture fixture, string account, string operation, string json, string region = EndpointFixture.Region) =>
        fixture.SendAsync(account, json, request => request.Headers.Add("X-Amz-Target", $"PhotonAdminProxyService.{operation}"), region: region);

    /// <summary>
    /// Sends <paramref name="body"/> signed for <paramref name="accessKeyId"/>; <paramref name="prepare"/>
    /// adds headers before signing, <paramref name="tamper"/> changes the request after.
    /// </summary>
    public static async Task<RawAnswer> SendAsync(this EndpointFixture fixture, string accessKeyId, string body,
        Action<HttpRequestMessage>? prepare = null, Action<HttpRequestMessage>? tamper = null,
        DateTimeOffset? signedAt = null, string? secret = null, string region = EndpointFixture.Region,
        string service = SigV4.Service, bool sendPayloadHash = false, string contentType = "application/x-amz-json-1.1")
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, fixture.Endpoint) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        prepare?.Invoke(request);
        new SigV4Signer(accessKeyId, secret ?? EndpointFixture.SecretOf(accessKeyId), region, service)
            .Sign(request, bytes, signedAt ?? DateTimeOffset.UtcNow, sendPayloadHash);
        tamper?.Invoke(request);
        return await SendAsync(request);
    }

    public static async Task<RawAnswer> SendAsync(HttpRequestMessage request)
    {
        using var response = await Http.SendAsync(request);
        return new RawAnswer(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers, response.Content.Headers.ContentType?.MediaType);
    }
}
