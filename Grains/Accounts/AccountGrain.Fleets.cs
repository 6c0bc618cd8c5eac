using RegionSim.Fleets;
using RegionSim.Resources;
using RegionSim.Validation;

namespace RegionSim.Accounts;

/// <summary>
/// DescribeFleets: answered from the views of the fleets the account watches (<see cref="AccountFleetViews"/>);
/// each fleet it can't answer for is asked, which watches it from then on (<see cref="IFleetGrain.WatchAsync"/>).
/// A fleet's capacity changes at every step of its engine, so fleets tell only while watched: a fleet
/// nobody asks about (a load simulation's) calls nobody.
/// </summary>
public sealed partial class AccountGrain
{
    private readonly Dictionary<string, AccountFleetViews> _fleetViews = new(StringComparer.Ordinal);

    async Task<DescribeFleetsResponse> IAccountGrain.DescribeFleetsAsync(string region, DescribeFleetsRequest request)
    {
        Check.Region(region, "Region");
        var (page, next) = PageOfNames(region, ResourceKind.Fleet, request.Names, request.NextToken, DescribeFleetsPageSize);
        var named = request.Names is { Count: > 0 };
        var views = FleetViewsIn(region);
        var now = wall.GetUtcNow();
        var fleets = await Task.WhenAll(page.Select(name => DescribeOrSkip(FleetAsync(views, new ResourceKey(region, _accountId, name), now), named)));
        return new DescribeFleetsResponse { Fleets = fleets.OfType<Fleet>().ToList(), NextToken = next };
    }

    Task IAccountGrain.UpdateFleetViewAsync(FleetView view)
    {
        FleetViewsIn(view.Key.Region).Told(view);
        return Task.CompletedTask;
    }

    /// <summary>The fleet from the view held, when the account trusts it; else asked of the fleet.</summary>
    private Task<Fleet> FleetAsync(AccountFleetViews views, ResourceKey key, DateTimeOffset now) =>
        views.Trusted(key, now) is { } view
            ? view.Fleet is { } fleet ? Task.FromResult(fleet) : Task.FromException<Fleet>(FleetGrain.NotFound(key))
            : AskAsync(views, key, now);

    private async Task<Fleet> AskAsync(AccountFleetViews views, ResourceKey key, DateTimeOffset asked)
    {
        var view = await GrainFactory.GetFleet(key).WatchAsync(FleetWatches.Lease);
        views.Answered(view, asked);
        return view.Fleet ?? throw FleetGrain.NotFound(key);
    }

    private AccountFleetViews FleetViewsIn(string region)
    {
        if (!_fleetViews.TryGetValue(region, out var views))
        {
            views = new AccountFleetViews(silo => membership.CurrentSnapshot.GetSiloStatus(silo) == SiloStatus.Active);
            _fleetViews[region] = views;
        }

        return views;
    }
}
