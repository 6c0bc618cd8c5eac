using System.Net;
using System.Text;
using RegionSim.Tests.Endpoint.Infrastructure;

namespace RegionSim.Tests.Endpoint;

/// <summary>SigV4 on every request: who may call, as which account, in which Region, and how AWS words refusals.</summary>
[Collection(EndpointCollection.Name)]
public sealed class AuthenticationTests(EndpointFixture fixture)
{
    private const string DescribeImages = "PhotonAdminProxyService.DescribeImages";

    private static void Target(HttpRequestMessage request) => request.Headers.Add("X-Amz-Target", DescribeImages);

    [Fact]
    public async Task A_signed_request_acts_for_the_account_of_its_access_key()
    {
        var account = fixture.NewAccount();
        var image = await fixture.NewAvailableImageAsync(account);

        var answer = await fixture.CallAsync(account, "DescribeImages", """{"Type": "PRIVATE"}""");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("application/x-amz-json-1.1", answer.ContentType);
        Assert.Equal([image], answer.Json.GetProperty("Images").EnumerateArray().Select(i => i.GetProperty("Name").GetString()));
    }

    [Fact]
    public async Task An_access_key_that_is_not_an_account_id_acts_for_its_configured_account()
    {
        var image = await fixture.NewAvailableImageAsync(fixture.NamedKeyAccount);

        var answer = await fixture.CallAsync(EndpointFixture.NamedAccessKey, "DescribeImages", """{"Type": "PRIVATE"}""");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var arn = answer.Json.GetProperty("Images")[0].GetProperty("Arn").GetString();
        Assert.Equal($"arn:aws:appstream:us-east-1:{fixture.NamedKeyAccount}:image/{image}", arn);
    }

    [Fact]
    public async Task The_region_is_the_credential_scopes()
    {
        var account = fixture.NewAccount();
        var image = await fixture.NewAvailableImageAsync(account, EndpointFixture.OtherRegion);

        var inOther = await fixture.SendAsync(account, """{"Type": "PRIVATE"}""", Target, region: EndpointFixture.OtherRegion);
        var inDefault = await fixture.SendAsync(account, """{"Type": "PRIVATE"}""", Target);

        Assert.Equal(image, inOther.Json.GetProperty("Images")[0].GetProperty("Name").GetString());
        Assert.Contains("arn:aws:appstream:eu-west-1:", inOther.Body);
        Assert.Empty(inDefault.Json.GetProperty("Images").EnumerateArray());
    }

    [Fact]
    public async Task Header_names_match_whatever_their_case_with_or_without_the_payload_hash()
    {
        var account = fixture.NewAccount();
        void Shouting(HttpRequestMessage request)
        {
            request.Headers.TryAddWithoutValidation("X-AMZ-TARGET", DescribeImages);
            request.Headers.TryAddWithoutValidation("amz-sdk-invocation-id", "6ac9ed0c-7723-49a0-baf3-6a6a20c867bc");
            request.Headers.TryAddWithoutValidation("X-Amz-User-Agent", "aws-sdk-js/3.1111.0   with   spaces");
        }

        var withoutHash = await fixture.SendAsync(account, "{}", Shouting, contentType: "APPLICATION/X-AMZ-JSON-1.1");
        var withHash = await fixture.SendAsync(account, """{"MaxResults":1}""", Shouting, sendPayloadHash: true);

        Assert.Equal(HttpStatusCode.OK, withoutHash.Status);
        Assert.Equal(HttpStatusCode.OK, withHash.Status);
        Assert.Single(withHash.Json.GetProperty("Images").EnumerateArray());
    }

    [Fact]
    public async Task A_payload_hash_header_that_is_not_the_bodys_is_refused()
    {
        var answer = await fixture.SendAsync(fixture.NewAccount(), "{}", Target, sendPayloadHash: true,
            tamper: request =>
            {
                request.Headers.Remove("x-amz-content-sha256");
                request.Headers.Add("x-amz-content-sha256", new string('0', 64));
            });

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("InvalidSignatureException", answer.ErrorType);
    }

    [Fact]
    public async Task A_body_changed_after_signing_does_not_match_the_signature()
    {
        var answer = await fixture.SendAsync(fixture.NewAccount(), """{"Type":"PRIVATE"}""", Target,
            tamper: request =>
            {
                var headers = request.Content!.Headers.ToList();
                request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"Type":"PUBLIC"}"""));
                foreach (var (name, values) in headers)
                {
                    request.Content.Headers.TryAddWithoutValidation(name, values);
                }
            });

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("InvalidSignatureException", answer.ErrorType);
        Assert.StartsWith("The request signature we calculated does not match the signature you provided.", answer.Message);
    }

    [Fact]
    public async Task A_signed_header_changed_after_signing_does_not_match_the_signature()
    {
        var answer = await fixture.SendAsync(fixture.NewAccount(), "{}", Target,
            tamper: request =>
            {
                request.Headers.Remove("X-Amz-Target");
                request.Headers.Add("X-Amz-Target", "PhotonAdminProxyService.DeleteImage");
            });

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("InvalidSignatureException", answer.ErrorType);
    }

    [Fact]
    public async Task A_wrong_secret_is_an_invalid_signature()
    {
        var answer = await fixture.SendAsync(fixture.NewAccount(), "{}", Target, secret: "not-the-secret");

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("InvalidSignatureException", answer.ErrorType);
    }

    [Fact]
    public async Task An_unknown_access_key_is_an_unrecognized_client()
    {
        var answer = await fixture.SendAsync("AKIANOBODYKNOWS", "{}", Target, secret: "whatever");

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("UnrecognizedClientException", answer.ErrorType);
        Assert.Equal("The security token included in the request is invalid.", answer.Message);
    }

    [Fact]
    public async Task A_request_without_a_signature_is_missing_its_authentication_token()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, fixture.Endpoint) { Content = new StringContent("{}") };
        Target(request);

        var answer = await RawRequests.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("MissingAuthenticationTokenException", answer.ErrorType);
    }

    [Fact]
    public async Task An_authorization_header_that_is_not_sigv4_is_an_incomplete_signature()
    {
        var notSigV4 = await fixture.SendAsync(fixture.NewAccount(), "{}", Target, tamper: request =>
        {
            request.Headers.Remove("Authorization");
            request.Headers.TryAddWithoutValidation("Authorization", "Basic dXNlcjpwYXNz");
        });
        var noSignature = await fixture.SendAsync(fixture.NewAccount(), "{}", Target, tamper: request =>
        {
            var header = request.Headers.GetValues("Authorization").Single();
            request.Headers.Remove("Authorization");
            request.Headers.TryAddWithoutValidation("Authorization", header[..header.IndexOf(", Signature=", StringComparison.Ordinal)]);
        });

        Assert.Equal(HttpStatusCode.BadRequest, notSigV4.Status);
        Assert.Equal("IncompleteSignatureException", notSigV4.ErrorType);
        Assert.Equal(HttpStatusCode.BadRequest, noSignature.Status);
        Assert.Contains("Authorization header requires 'Signature' parameter.", noSignature.Message);
    }

    [Fact]
    public async Task A_request_signed_more_than_15_minutes_ago_has_expired()
    {
        var signedAt = DateTimeOffset.UtcNow.AddMinutes(-16);

        var answer = await fixture.SendAsync(fixture.NewAccount(), "{}", Target, signedAt: signedAt);

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("InvalidSignatureException", answer.ErrorType);
        Assert.Matches(@"^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)$", answer.Message);
        Assert.StartsWith($"Signature expired: {signedAt.UtcDateTime:yyyyMMdd'T'HHmmss'Z'} is now earlier than", answer.Message);
    }

    [Fact]
    public async Task A_request_signed_more_than_15_minutes_ahead_is_not_yet_current()
    {
        var answer = await fixture.SendAsync(fixture.NewAccount(), "{}", Target, signedAt: DateTimeOffset.UtcNow.AddMinutes(16));

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("InvalidSignatureException", answer.ErrorType);
        Assert.Matches(@"^Signature not yet current: \d{8}T\d{6}Z is still later than \d{8}T\d{6}Z \(\d{8}T\d{6}Z \+ 15 min\.\)$", answer.Message);
    }

    [Fact]
    public async Task A_request_signed_within_15_minutes_is_accepted()
    {
        var account = fixture.NewAccount();
        var early = await fixture.SendAsync(account, "{}", Target, signedAt: DateTimeOffset.UtcNow.AddMinutes(-14));
        var late = await fixture.SendAsync(account, "{}", Target, signedAt: DateTimeOffset.UtcNow.AddMinutes(14));

        Assert.Equal(HttpStatusCode.OK, early.Status);
        Assert.Equal(HttpStatusCode.OK, late.Status);
    }

    [Theory]
    [InlineData("us-gov-west-1")]
    [InlineData("mars-north-1")]
    public async Task A_region_where_appstream_does_not_run_is_refused(string region)
    {
        var answer = await fixture.SendAsync(fixture.NewAccount(), "{}", Target, region: region);

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("InvalidSignatureException", answer.ErrorType);
        Assert.Contains($"Credential should be scoped to a valid region, not '{region}'", answer.Message);
        Assert.Contains("us-east-1", answer.Message);
    }

    [Fact]
    public async Task A_signature_for_another_service_is_refused()
    {
        var answer = await fixture.SendAsync(fixture.NewAccount(), "{}", Target, service: "appstream2");

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("Credential should be scoped to correct service: 'appstream'. ", answer.Message);
    }

    [Fact]
    public async Task Every_answer_carries_its_own_request_id()
    {
        var account = fixture.NewAccount();
        var answers = new[]
        {
            await fixture.CallAsync(account, "DescribeImages", "{}"),
            await fixture.CallAsync(account, "DeleteImage", """{"Name": "nothing-here"}"""),
            await fixture.SendAsync(account, "{}", Target, secret: "wrong"),
        };

        var ids = answers.Select(a => a.Headers.GetValues("x-amzn-RequestId").Single()).ToList();
        Assert.All(ids, id => Assert.True(Guid.TryParse(id, out _), id));
        Assert.Equal(3, ids.Distinct().Count());
    }
}
