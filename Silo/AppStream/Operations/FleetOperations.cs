using RegionSim.Accounts;
using RegionSim.Fleets;

namespace RegionSim.Silo.AppStream;

/// <summary>Fleets: which grain each operation asks, as the calling account.</summary>
public static class FleetOperations
{
    public static AppStreamOperations AddFleetOperations(this AppStreamOperations operations) => operations
        .Add<CreateFleetRequest, CreateFleetResponse>("CreateFleet", (grains, caller, request) =>
            grains.GetFleet(caller.Region, caller.AccountId, request.Name).CreateAsync(request))
        .Add<UpdateFleetRequest, UpdateFleetResponse>("UpdateFleet", (grains, caller, request) =>
            grains.GetFleet(caller.Region, caller.AccountId, request.Name).UpdateAsync(request))
        .Add<DeleteFleetRequest>("DeleteFleet", (grains, caller, request) =>
            grains.GetFleet(caller.Region, caller.AccountId, request.Name).DeleteAsync())
        .Add<DescribeFleetsRequest, DescribeFleetsResponse>("DescribeFleets", (grains, caller, request) =>
            grains.GetGrain<IAccountGrain>(caller.AccountId).DescribeFleetsAsync(caller.Region, request))
        .Add<StartFleetRequest>("StartFleet", (grains, caller, request) =>
            grains.GetFleet(caller.Region, caller.AccountId, request.Name).StartAsync())
        .Add<StopFleetRequest>("StopFleet", (grains, caller, request) =>
            grains.GetFleet(caller.Region, caller.AccountId, request.Name).StopAsync())
        .Add<ListAssociatedStacksRequest, ListAssociatedNamesResponse>("ListAssociatedStacks", (grains, caller, request) =>
            grains.GetFleet(caller.Region, caller.AccountId, request.FleetName, nameof(request.FleetName)).ListAssociatedStacksAsync(request));
}
