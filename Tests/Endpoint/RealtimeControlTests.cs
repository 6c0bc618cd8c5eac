using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using RegionSim.Silo.Hosting;

namespace RegionSim.Tests.Endpoint;

/// <summary>A silo on the real-time clock: the clock says so, and refuses to be moved by hand.</summary>
public sealed class RealtimeControlTests : IAsyncLifetime
{
    private WebApplication _app = null!;

    public async Task InitializeAsync()
    {
        _app = RegionSimHost.Build(["--clock", "realtime", "--speedup", "120", "--http-url", "http://127.0.0.1:0", "--operator-token", "realtime-tests"], options =>
        {
            options.SiloPort = FreePort();
            options.GatewayPort = FreePort();
            options.ClusterId = $"realtime-tests-{Guid.NewGuid():N}";
        });
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task The_realtime_clock_reports_its_speedup_and_cannot_be_advanced_by_hand()
    {
        using var http = new HttpClient { BaseAddress = new Uri(_app.Urls.Single()) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "realtime-tests");

        var clock = await http.GetFromJsonAsync<System.Text.Json.JsonElement>("/_regionsim/clock");
        var advance = await http.PostAsync("/_regionsim/clock/advance", new StringContent("""{"seconds": 60}""", Encoding.UTF8, "application/json"));

        Assert.Equal("realtime", clock.GetProperty("mode").GetString());
        Assert.Equal(120, clock.GetProperty("speedup").GetDouble());
        Assert.Equal(HttpStatusCode.Conflict, advance.StatusCode);
        Assert.Contains("--clock manual", await advance.Content.ReadAsStringAsync());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
