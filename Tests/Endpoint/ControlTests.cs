using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using RegionSim.Tests.Endpoint.Infrastructure;

namespace RegionSim.Tests.Endpoint;

/// <summary>The operator's endpoints under <c>/_regionsim/</c>: the clock, and who may touch it.</summary>
[Collection(EndpointCollection.Name)]
public sealed class ControlTests(EndpointFixture fixture)
{
    private static readonly HttpClient Http = new();

    private Task<RawAnswer> SendAsync(HttpMethod method, string path, string? body = null, string? token = EndpointFixture.OperatorToken)
    {
        var request = new HttpRequestMessage(method, new Uri(fixture.Endpoint, path));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return RawRequests.SendAsync(request);
    }

    [Fact]
    public async Task The_clock_answers_simulated_time_in_epoch_seconds_and_its_mode()
    {
        var now = await fixture.Clock.GetNowAsync();

        var answer = await SendAsync(HttpMethod.Get, "/_regionsim/clock");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(now.ToUnixTimeSeconds(), answer.Json.GetProperty("now").GetDecimal());
        Assert.Equal("manual", answer.Json.GetProperty("mode").GetString());
        Assert.Equal(0, answer.Json.GetProperty("speedup").GetDouble());
    }

    [Fact]
    public async Task Advancing_moves_simulated_time_and_runs_what_falls_due()
    {
        var account = fixture.NewAccount();
        var image = await fixture.NewAvailableImageAsync(account);
        var copy = await fixture.CallAsync(account, "CopyImage",
            $$"""{"SourceImageName": "{{image}}", "DestinationImageName": "{{image}}-copy", "DestinationRegion": "us-east-1"}""");
        Assert.Equal(HttpStatusCode.OK, copy.Status);
        var before = await fixture.Clock.GetNowAsync();
        var copyTime = (await fixture.Clock.GetTimingsAsync()).ImageCopy;

        var answer = await SendAsync(HttpMethod.Post, "/_regionsim/clock/advance", $$"""{"seconds": {{copyTime.TotalSeconds + 0.5}}}""");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var now = before + copyTime + TimeSpan.FromSeconds(0.5);
        Assert.Equal(now.ToUnixTimeMilliseconds() / 1000m, answer.Json.GetProperty("now").GetDecimal());
        Assert.Equal(now, await fixture.Clock.GetNowAsync());
        var described = await fixture.CallAsync(account, "DescribeImages", $$"""{"Names": ["{{image}}-copy"]}""");
        Assert.Equal("AVAILABLE", described.Json.GetProperty("Images")[0].GetProperty("State").GetString());
    }

    [Theory]
    [InlineData("""{"seconds": -1}""", "between 0 and")]
    [InlineData("""{"seconds": 1e12}""", "between 0 and")]
    [InlineData("""{"seconds": "60"}""", "must be {\"seconds\": n}")]
    [InlineData("""{"minutes": 1}""", "must be {\"seconds\": n}")]
    [InlineData("""[60]""", "must be {\"seconds\": n}")]
    [InlineData("""{"seconds": """, "must be JSON")]
    [InlineData("", "must be JSON")]
    public async Task A_bad_advance_is_refused_and_time_stays(string body, string message)
    {
        var before = await fixture.Clock.GetNowAsync();

        var answer = await SendAsync(HttpMethod.Post, "/_regionsim/clock/advance", body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("InvalidRequest", answer.Json.GetProperty("error").GetString());
        Assert.Contains(message, answer.Json.GetProperty("message").GetString());
        Assert.Equal(before, await fixture.Clock.GetNowAsync());
    }

    [Theory]
    [InlineData("GET", "/_regionsim/clock")]
    [InlineData("POST", "/_regionsim/clock/advance")]
    public async Task Only_the_operator_token_opens_the_clock(string method, string path)
    {
        var before = await fixture.Clock.GetNowAsync();

        var missing = await SendAsync(new HttpMethod(method), path, """{"seconds": 60}""", token: null);
        var wrong = await SendAsync(new HttpMethod(method), path, """{"seconds": 60}""", token: "regionsim-operator");

        Assert.Equal(HttpStatusCode.Unauthorized, missing.Status);
        Assert.Equal("Bearer", missing.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("MissingToken", missing.Json.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, wrong.Status);
        Assert.Equal("InvalidToken", wrong.Json.GetProperty("error").GetString());
        Assert.Equal(before, await fixture.Clock.GetNowAsync());
    }

    [Fact]
    public async Task Health_needs_no_token()
    {
        var answer = await SendAsync(HttpMethod.Get, "/_regionsim/health", token: null);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("ok", answer.Json.GetProperty("status").GetString());
    }
}
