using RegionSim.Accounts;
using RegionSim.Sessions;
using RegionSim.Stacks;

namespace RegionSim.Silo.AppStream;

/// <summary>Streaming URLs and sessions: which grain each operation asks, as the calling account.</summary>
public static class SessionOperations
{
    public static AppStreamOperations AddSessionOperations(this AppStreamOperations operations) => operations
        .Add<CreateStreamingURLRequest, CreateStreamingURLResponse>("CreateStreamingURL", async (grains, caller, request) =>
        {
            var url = await grains.GetStack(caller.Region, caller.AccountId, request.StackName, nameof(request.StackName)).CreateStreamingUrlAsync(request);
            return url with { StreamingURL = StreamingUrls.At(caller.Origin, url.StreamingURL) };
        })
        .Add<DescribeSessionsRequest, DescribeSessionsResponse>("DescribeSessions", (grains, caller, request) =>
            grains.GetFleetSessions(caller.Region, caller.AccountId, request.FleetName).DescribeSessionsAsync(request))
        .Add<ExpireSessionRequest>("ExpireSession", (grains, caller, request) =>
            grains.GetGrain<IAccountGrain>(caller.AccountId).ExpireSessionAsync(caller.Region, request));
}
