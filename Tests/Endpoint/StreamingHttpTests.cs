using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using RegionSim.Fleets;
using RegionSim.Sessions;
using RegionSim.Stacks;
using RegionSim.Tests.Endpoint.Infrastructure;
using RegionSim.Tests.Infrastructure;

namespace RegionSim.Tests.Endpoint;

/// <summary>Streaming URLs and the session companion calls over HTTP: who may call them, and how they refuse.</summary>
[Collection(EndpointCollection.Name)]
public sealed class StreamingHttpTests(EndpointFixture fixture)
{
    private static readonly HttpClient Http = new();

    private async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string path, string? body = null, string? token = EndpointFixture.OperatorToken)
    {
        using var request = new HttpRequestMessage(method, fixture.EndpointUrl + path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await Http.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    /// <summary>A RUNNING ALWAYS_ON fleet of one instance with its stack, made through the grains; answers a streaming URL on this host for <paramref name="user"/>.</summary>
    private async Task<string> NewUrlAsync(string account, string user)
    {
        var (fleet, stack) = (TestAccounts.NewName("fleet"), TestAccounts.NewName("stack"));
        await fixture.Grains.GetFleet(EndpointFixture.Region, account, fleet).CreateAsync(new CreateFleetRequest
        {
            Name = fleet, ImageName = EndpointFixture.BaseImage, InstanceType = "stream.standard.small", FleetType = FleetType.AlwaysOn,
            ComputeCapacity = new ComputeCapacity { DesiredInstances = 1 },
        });
        var stacks = fixture.Grains.GetStack(EndpointFixture.Region, account, stack);
        await stacks.CreateAsync(new CreateStackRequest { Name = stack });
        await stacks.AssociateFleetAsync(new AssociateFleetRequest { FleetName = fleet, StackName = stack });
        await fixture.Grains.GetFleet(EndpointFixture.Region, account, fleet).StartAsync();
        var timings = await fixture.Clock.GetTimingsAsync();
        await fixture.Clock.AdvanceByAsync(timings.FleetStart > timings.FleetInstanceProvisioning ? timings.FleetStart : timings.FleetInstanceProvisioning);
        var answer = await fixture.CallAsync(account, "CreateStreamingURL", $$"""{"StackName": "{{stack}}", "FleetName": "{{fleet}}", "UserId": "{{user}}", "Validity": 3600}""");
        return answer.Json.GetProperty("StreamingURL").GetString()!;
    }

    [Fact]
    public async Task A_streaming_url_needs_no_credentials_and_refuses_what_it_cannot_open()
    {
        var url = await NewUrlAsync(fixture.NewAccount(), "una");
        var path = url[fixture.EndpointUrl.Length..];

        var opened = await SendAsync(HttpMethod.Get, path, token: null);
        var again = await SendAsync(HttpMethod.Get, path, token: null);
        var unknown = await SendAsync(HttpMethod.Get, $"/authenticate?parameters={StreamingUrls.NewToken()}", token: null);
        var malformed = await SendAsync(HttpMethod.Get, "/authenticate?parameters=../../etc/passwd", token: null);
        var none = await SendAsync(HttpMethod.Get, "/authenticate", token: null);

        Assert.Equal(HttpStatusCode.OK, opened.Status);
        Assert.Equal("una", opened.Body.GetProperty("UserId").GetString());
        Assert.False(opened.Body.GetProperty("Resumed").GetBoolean());
        Assert.Equal((HttpStatusCode.Forbidden, "OperationNotPermittedException"), (again.Status, again.Body.GetProperty("error").GetString()));
        Assert.Equal((HttpStatusCode.NotFound, "ResourceNotFoundException"), (unknown.Status, unknown.Body.GetProperty("error").GetString()));
        Assert.Equal((HttpStatusCode.BadRequest, "ValidationException"), (malformed.Status, malformed.Body.GetProperty("error").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, none.Status);
    }

    [Fact]
    public async Task Companion_calls_are_for_the_operator_and_act_as_the_user()
    {
        var url = await NewUrlAsync(fixture.NewAccount(), "vita");
        var session = (await SendAsync(HttpMethod.Get, url[fixture.EndpointUrl.Length..], token: null)).Body.GetProperty("SessionId").GetString();
        var actions = $"/_regionsim/sessions/{session}";

        var anonymous = await SendAsync(HttpMethod.Post, $"{actions}/disconnect", token: null);
        var wrongToken = await SendAsync(HttpMethod.Post, $"{actions}/disconnect", token: "not-the-operator");
        var read = await SendAsync(HttpMethod.Get, actions);
        var setting = await SendAsync(HttpMethod.Post, $"{actions}/change-settings", """{"name": "wallpaper", "value": "blue"}""");
        var software = await SendAsync(HttpMethod.Post, $"{actions}/install-software", """{"name": "notepad++"}""");
        var idle = await SendAsync(HttpMethod.Post, $"{actions}/idle");
        var disconnected = await SendAsync(HttpMethod.Post, $"{actions}/disconnect", "");
        var back = await SendAsync(HttpMethod.Post, $"{actions}/reconnect");
        var unknownAction = await SendAsync(HttpMethod.Post, $"{actions}/dance");
        var noName = await SendAsync(HttpMethod.Post, $"{actions}/install-software", "{}");
        var wrongType = await SendAsync(HttpMethod.Post, $"{actions}/change-settings", """{"name": 1, "value": "x"}""");
        var notJson = await SendAsync(HttpMethod.Post, $"{actions}/change-settings", "{name");
        var unknownSession = await SendAsync(HttpMethod.Post, "/_regionsim/sessions/00000000-0000-4000-8000-000000000000/logout");
        var loggedOut = await SendAsync(HttpMethod.Post, $"{actions}/logout");
        var afterLogout = await SendAsync(HttpMethod.Post, $"{actions}/reconnect");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
        Assert.Equal(HttpStatusCode.Forbidden, wrongToken.Status);
        Assert.Equal((HttpStatusCode.OK, "CONNECTED"), (read.Status, read.Body.GetProperty("ConnectionState").GetString()));
        Assert.Equal("blue", setting.Body.GetProperty("ProfileChanges").GetProperty("wallpaper").GetString());
        Assert.Equal("notepad++", software.Body.GetProperty("SoftwareInstalled")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, idle.Status);
        Assert.Equal("NOT_CONNECTED", disconnected.Body.GetProperty("ConnectionState").GetString());
        Assert.Equal("CONNECTED", back.Body.GetProperty("ConnectionState").GetString());
        Assert.Equal(session, back.Body.GetProperty("SessionId").GetString());
        Assert.Equal((HttpStatusCode.NotFound, "UnknownAction"), (unknownAction.Status, unknownAction.Body.GetProperty("error").GetString()));
        Assert.Equal((HttpStatusCode.BadRequest, "ValidationException"), (noName.Status, noName.Body.GetProperty("error").GetString()));
        Assert.Equal((HttpStatusCode.BadRequest, "InvalidRequest"), (wrongType.Status, wrongType.Body.GetProperty("error").GetString()));
        Assert.Equal((HttpStatusCode.BadRequest, "InvalidRequest"), (notJson.Status, notJson.Body.GetProperty("error").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, unknownSession.Status);
        Assert.Equal(("EXPIRED", "LOG_OUT"), (loggedOut.Body.GetProperty("State").GetString(), loggedOut.Body.GetProperty("EndReason").GetString()));
        Assert.Equal((HttpStatusCode.Forbidden, "OperationNotPermittedException"), (afterLogout.Status, afterLogout.Body.GetProperty("error").GetString()));
        Assert.Contains("logged out", afterLogout.Body.GetProperty("message").GetString());
    }
}
