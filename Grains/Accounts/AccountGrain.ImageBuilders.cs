using RegionSim.Errors;
using RegionSim.ImageBuilders;
using RegionSim.Images;
using RegionSim.Resources;
using RegionSim.Validation;

namespace RegionSim.Accounts;

/// <summary>The account's image builders, and its managed image updates in flight.</summary>
public sealed partial class AccountGrain
{
    public const int DescribeImageBuildersPageSize = 25;

    async Task<DescribeImageBuildersResponse> IAccountGrain.DescribeImageBuildersAsync(string region, DescribeImageBuildersRequest request)
    {
        Check.Region(region, "Region");
        var pageSize = Check.Range(request.MaxResults, 0, int.MaxValue, nameof(request.MaxResults)) is { } max and > 0 ? max : DescribeImageBuildersPageSize;
        var offset = Check.PageOffset(request.NextToken);
        var owned = In(region).NamesOf(ResourceKind.ImageBuilder);
        IReadOnlyList<string> names;
        if (request.Names is { Count: > 0 })
        {
            var missing = request.Names.FirstOrDefault(name => name is null || !owned.Contains(name));
            if (request.Names.Any(name => name is null) || missing is not null)
            {
                throw AppStreamException.NotFound($"Account {_accountId} has no image builder named {missing} in {region}.");
            }

            names = request.Names.Distinct(StringComparer.Ordinal).ToList();
        }
        else
        {
            names = owned.Order(StringComparer.Ordinal).ToList();
        }

        var (page, next) = Paging.Slice(names, offset, pageSize);
        var builders = await Task.WhenAll(page.Select(name => GrainFactory.GetImageBuilder(new ResourceKey(region, _accountId, name)).DescribeAsync()));
        return new DescribeImageBuildersResponse { ImageBuilders = builders, NextToken = next };
    }

    async Task IAccountGrain.ReserveImageUpdateAsync(string region, string imageName)
    {
        var holdings = In(region);
        if (holdings.NamesOf(ResourceKind.Image).Contains(imageName))
        {
            throw AlreadyExists(region, ResourceKind.Image, imageName);
        }

        if (holdings.ImageUpdatesInFlight.Count >= ImageGrain.MaxImageUpdatesInFlight)
        {
            throw AppStreamException.LimitExceeded(
                $"Account {_accountId} already has {holdings.ImageUpdatesInFlight.Count} managed image updates in progress in {region} " +
                $"({string.Join(", ", holdings.ImageUpdatesInFlight.Order(StringComparer.Ordinal))}); at most {ImageGrain.MaxImageUpdatesInFlight} may be in flight.");
        }

        holdings.ImageUpdatesInFlight.Add(imageName);
        await state.WriteStateAsync();
    }

    async Task IAccountGrain.CompleteImageUpdateAsync(string region, string imageName)
    {
        if (In(region).ImageUpdatesInFlight.Remove(imageName))
        {
            await state.WriteStateAsync();
        }
    }

    Task<int> IAccountGrain.GetImageUpdatesInFlightAsync(string region) =>
        Task.FromResult(In(region).ImageUpdatesInFlight.Count);
}
