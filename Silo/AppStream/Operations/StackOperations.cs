using RegionSim.Accounts;
using RegionSim.Fleets;
using RegionSim.Stacks;

namespace RegionSim.Silo.AppStream;

/// <summary>Stacks and their fleet: which grain each operation asks, as the calling account. The stack decides associations.</summary>
public static class StackOperations
{
    public static AppStreamOperations AddStackOperations(this AppStreamOperations operations) => operations
        .Add<CreateStackRequest, CreateStackResponse>("CreateStack", (grains, caller, request) =>
            grains.GetStack(caller.Region, caller.AccountId, request.Name).CreateAsync(request))
        .Add<UpdateStackRequest, UpdateStackResponse>("UpdateStack", (grains, caller, request) =>
            grains.GetStack(caller.Region, caller.AccountId, request.Name).UpdateAsync(request))
        .Add<DeleteStackRequest>("DeleteStack", (grains, caller, request) =>
            grains.GetStack(caller.Region, caller.AccountId, request.Name).DeleteAsync())
        .Add<DescribeStacksRequest, DescribeStacksResponse>("DescribeStacks", (grains, caller, request) =>
            grains.GetGrain<IAccountGrain>(caller.AccountId).DescribeStacksAsync(caller.Region, request))
        .Add<AssociateFleetRequest>("AssociateFleet", (grains, caller, request) =>
            grains.GetStack(caller.Region, caller.AccountId, request.StackName, nameof(request.StackName)).AssociateFleetAsync(request))
        .Add<DisassociateFleetRequest>("DisassociateFleet", (grains, caller, request) =>
            grains.GetStack(caller.Region, caller.AccountId, request.StackName, nameof(request.StackName)).DisassociateFleetAsync(request))
        .Add<ListAssociatedFleetsRequest, ListAssociatedNamesResponse>("ListAssociatedFleets", (grains, caller, request) =>
            grains.GetStack(caller.Region, caller.AccountId, request.StackName, nameof(request.StackName)).ListAssociatedFleetsAsync(request));
}
