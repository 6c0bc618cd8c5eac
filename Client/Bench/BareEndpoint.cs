using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace RegionSim.Client.Bench;

/// <summary>
/// The yardstick: ASP.NET Core with nothing but <c>POST /</c> answering <c>{}</c> as AWS JSON, built the
/// way the silo builds its web host, on a free loopback port.
/// </summary>
public static class BareEndpoint
{
    private static readonly byte[] Empty = "{}"u8.ToArray();

    public static async Task<WebApplication> StartAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/", async context =>
        {
            context.Response.ContentType = "application/x-amz-json-1.1";
            context.Response.ContentLength = Empty.Length;
            await context.Response.Body.WriteAsync(Empty);
        });
        await app.StartAsync();
        return app;
    }
}
