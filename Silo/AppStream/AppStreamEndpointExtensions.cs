using RegionSim.Silo.Authentication;
using RegionSim.Silo.Hosting;

namespace RegionSim.Silo.AppStream;

public static class AppStreamEndpointExtensions
{
    /// <summary>The AppStream API, its SigV4 check against the configured access keys, and the HTTP endpoint.</summary>
    public static IServiceCollection AddAppStreamEndpoint(this IServiceCollection services, RegionSimSiloOptions options)
    {
        services.AddSingleton(new AccessKeys(options.Credentials));
        services.AddSingleton(provider => new SigV4Verifier(provider.GetRequiredService<AccessKeys>(), TimeProvider.System));
        services.AddSingleton(provider => new AppStreamApi(
            provider.GetRequiredService<IGrainFactory>(), AppStreamOperations.All, provider.GetRequiredService<ILogger<AppStreamApi>>()));
        services.AddSingleton<AppStreamEndpoint>();
        return services;
    }

    /// <summary><c>POST /</c>: every AppStream operation.</summary>
    public static IEndpointRouteBuilder MapAppStreamEndpoint(this IEndpointRouteBuilder routes)
    {
        var endpoint = routes.ServiceProvider.GetRequiredService<AppStreamEndpoint>();
        routes.MapPost("/", endpoint.HandleAsync);
        return routes;
    }
}
