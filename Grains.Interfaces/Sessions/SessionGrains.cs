using RegionSim.Resources;
using RegionSim.Validation;

namespace RegionSim.Sessions;

public static class SessionGrains
{
    public static IFleetSessionsGrain GetFleetSessions(this IGrainFactory grains, string region, string account, string? fleetName, string member = "FleetName") =>
        grains.GetGrain<IFleetSessionsGrain>(new ResourceKey(region, account, Check.Name(fleetName, member)).ToString());

    /// <summary>
    /// A user opens <paramref name="streamingUrl"/> (on any host, or its bare token): the fleet the URL was made
    /// for starts or resumes the user's session. Once per URL, before it expires.
    /// </summary>
    public static async Task<StreamingConnection> ConnectAsync(this IGrainFactory grains, string streamingUrl) =>
        (await grains.GetGrain<IStreamingUrlGrain>(StreamingUrls.TokenOf(streamingUrl)).OpenAsync()).Session
        ?? throw Errors.AppStreamException.InvalidCombination("This streaming URL connects to an image builder, not to a fleet's session.");
}
