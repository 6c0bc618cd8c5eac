using RegionSim.Resources;
using RegionSim.Validation;

namespace RegionSim.Sessions;

public static class SessionGrains
{
    public static IFleetSessionsGrain GetFleetSessions(this IGrainFactory grains, string region, string account, string? fleetName, string member = "FleetName") =>
        grains.GetGrain<IFleetSessionsGrain>(new ResourceKey(region, account, Check.Name(fleetName, member)).ToString());

    /// <summary>A user opens <paramref name="streamingUrl"/>: the fleet the URL names starts or resumes the user's session.</summary>
    public static Task<StreamingConnection> ConnectAsync(this IGrainFactory grains, string streamingUrl)
    {
        var token = StreamingUrls.Read(streamingUrl);
        return grains.GetFleetSessions(token.Region, token.AccountId, token.FleetName).ConnectAsync(token);
    }
}
