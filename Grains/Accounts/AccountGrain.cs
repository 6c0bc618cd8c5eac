using RegionSim.Errors;
using RegionSim.Fleets;
using RegionSim.Images;
using RegionSim.Regions;
using RegionSim.Resources;
using RegionSim.Sessions;
using RegionSim.Stacks;
using RegionSim.Telemetry;
using RegionSim.Validation;

namespace RegionSim.Accounts;

/// <summary>
/// An account: the one place that decides whether a name is free, how many copies may be in flight,
/// and which images the account can see in a region.
/// </summary>
public sealed partial class AccountGrain(
    [PersistentState("account", StorageNames.Default)] IPersistentState<AccountState> state) : Grain, IAccountGrain
{
    public const int MaxCopiesInFlightPerRegion = 2;
    public const int DescribeImagesPageSize = 25;
    public const int DescribeFleetsPageSize = 50;
    public const int DescribeStacksPageSize = 50;

    private string _accountId = "";

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _accountId = Check.AccountId(this.GetPrimaryKeyString(), "AccountId");
        return Task.CompletedTask;
    }

    async Task IAccountGrain.ReserveNameAsync(string region, ResourceKind kind, string name)
    {
        if (!In(region).NamesOf(kind).Add(name))
        {
            throw AlreadyExists(region, kind, name);
        }

        await state.WriteStateAsync();
    }

    async Task IAccountGrain.ReleaseNameAsync(string region, ResourceKind kind, string name)
    {
        if (In(region).NamesOf(kind).Remove(name))
        {
            await state.WriteStateAsync();
        }
    }

    Task<IReadOnlyList<string>> IAccountGrain.ListNamesAsync(string region, ResourceKind kind) =>
        Task.FromResult<IReadOnlyList<string>>(In(region).NamesOf(kind).Order(StringComparer.Ordinal).ToList());

    async Task IAccountGrain.ReserveCopyAsync(string destinationRegion, string imageName)
    {
        var holdings = In(destinationRegion);
        if (holdings.NamesOf(ResourceKind.Image).Contains(imageName))
        {
            throw AlreadyExists(destinationRegion, ResourceKind.Image, imageName);
        }

        if (holdings.CopiesInFlight.Count >= MaxCopiesInFlightPerRegion)
        {
            throw AppStreamException.LimitExceeded(
                $"Account {_accountId} already has {holdings.CopiesInFlight.Count} image copies in progress to {destinationRegion} " +
                $"({string.Join(", ", holdings.CopiesInFlight.Order(StringComparer.Ordinal))}); at most {MaxCopiesInFlightPerRegion} may be in flight to one region.");
        }

        holdings.NamesOf(ResourceKind.Image).Add(imageName);
        holdings.CopiesInFlight.Add(imageName);
        await state.WriteStateAsync();
    }

    async Task IAccountGrain.CompleteCopyAsync(string destinationRegion, string imageName)
    {
        if (In(destinationRegion).CopiesInFlight.Remove(imageName))
        {
            await state.WriteStateAsync();
        }
    }

    Task<int> IAccountGrain.GetCopiesInFlightAsync(string destinationRegion) =>
        Task.FromResult(In(destinationRegion).CopiesInFlight.Count);

    async Task IAccountGrain.AddSharedImageAsync(ResourceKey image)
    {
        if (In(image.Region).SharedWithMe.Add(image.ToString()))
        {
            await state.WriteStateAsync();
        }
    }

    async Task IAccountGrain.RemoveSharedImageAsync(ResourceKey image)
    {
        if (In(image.Region).SharedWithMe.Remove(image.ToString()))
        {
            await state.WriteStateAsync();
        }
    }

    async Task<DescribeImagesResponse> IAccountGrain.DescribeImagesAsync(string region, DescribeImagesRequest request)
    {
        Check.Region(region, "Region");
        var pageSize = Check.Range(request.MaxResults, 0, DescribeImagesPageSize, nameof(request.MaxResults)) is { } max and > 0 ? max : DescribeImagesPageSize;
        var offset = Check.PageOffset(request.NextToken);
        if (request.Names is { Count: > 0 } && request.Arns is { Count: > 0 })
        {
            throw AppStreamException.InvalidCombination("DescribeImages takes Names or Arns, not both.");
        }

        var listing = await ListImagesAsync(region, request.Names, request.Arns);
        var visible = listing.Where(entry => request.Type is null || entry.Visibility == request.Type).ToList();
        var (page, next) = Paging.Slice(visible, offset, pageSize);
        var images = await Task.WhenAll(page.Select(entry => entry.Public is { } image
            ? Task.FromResult(image)
            : GrainFactory.GetImage(entry.Key).DescribeAsync(_accountId)));
        return new DescribeImagesResponse { Images = images, NextToken = next };
    }

    async Task<ImageRegistry> IAccountGrain.GetImageRegistryAsync(string region)
    {
        Check.Region(region, "Region");
        var listing = await ListImagesAsync(region, names: null, arns: null);
        var images = await Task.WhenAll(listing.Select(entry => entry.Public is { } image
            ? Task.FromResult(image)
            : GrainFactory.GetImage(entry.Key).DescribeAsync(_accountId)));
        return new ImageRegistry
        {
            Public = images.Where(i => i.Visibility == VisibilityType.Public).ToList(),
            Private = images.Where(i => i.Visibility == VisibilityType.Private && i.ImageSharedWithOthers != "TRUE").ToList(),
            SharedWithOthers = images.Where(i => i.Visibility == VisibilityType.Private && i.ImageSharedWithOthers == "TRUE").ToList(),
            SharedWithMe = images.Where(i => i.Visibility == VisibilityType.Shared).ToList(),
        };
    }

    async Task<ResourceKey> IAccountGrain.ResolveImageAsync(string region, string? imageName, string? imageArn)
    {
        if ((imageName is null) == (imageArn is null))
        {
            throw AppStreamException.InvalidCombination("Exactly one of ImageName and ImageArn must be given.");
        }

        var listing = imageName is not null
            ? await ListImagesAsync(region, [imageName], arns: null)
            : await ListImagesAsync(region, names: null, [imageArn!]);
        return listing[0].Key;
    }

    async Task<DescribeFleetsResponse> IAccountGrain.DescribeFleetsAsync(string region, DescribeFleetsRequest request)
    {
        Check.Region(region, "Region");
        var (page, next) = PageOfNames(region, ResourceKind.Fleet, request.Names, request.NextToken, DescribeFleetsPageSize);
        var fleets = await Task.WhenAll(page.Select(name => DescribeOrSkip(GrainFactory.GetFleet(region, _accountId, name).DescribeAsync(), request.Names is { Count: > 0 })));
        return new DescribeFleetsResponse { Fleets = fleets.OfType<Fleet>().ToList(), NextToken = next };
    }

    async Task<DescribeStacksResponse> IAccountGrain.DescribeStacksAsync(string region, DescribeStacksRequest request)
    {
        Check.Region(region, "Region");
        var (page, next) = PageOfNames(region, ResourceKind.Stack, request.Names, request.NextToken, DescribeStacksPageSize);
        var stacks = await Task.WhenAll(page.Select(name => DescribeOrSkip(GrainFactory.GetStack(region, _accountId, name).DescribeAsync(), request.Names is { Count: > 0 })));
        return new DescribeStacksResponse { Stacks = stacks.OfType<Stack>().ToList(), NextToken = next };
    }

    async Task IAccountGrain.RevokeFleetAccessAsync(ResourceKey image, IReadOnlyList<string> fleetNames)
    {
        using var activity = RegionSimTelemetry.Source.StartActivity("RevokeFleetAccess.Fleets");
        activity?.SetTag("regionsim.account", _accountId);
        activity?.SetTag("regionsim.fleets", fleetNames.Count);
        await Task.WhenAll(fleetNames.Select(name => GrainFactory.GetFleet(new ResourceKey(image.Region, _accountId, name)).RevokeImageAccessAsync(image)));
    }

    async Task IAccountGrain.ExpireSessionAsync(string region, ExpireSessionRequest request)
    {
        var sessionId = Check.Required(request.SessionId, nameof(request.SessionId));
        if (!SessionIds.TryReadFleetHash(sessionId, out var fleetHash))
        {
            return;
        }

        // The id starts with its fleet's hash; among the account's fleets in the region, that is nearly always one.
        var candidates = In(region).NamesOf(ResourceKind.Fleet)
            .Where(name => SessionIds.FleetHash(new ResourceKey(region, _accountId, name).ToString()) == fleetHash)
            .Order(StringComparer.Ordinal)
            .ToList();
        foreach (var name in candidates)
        {
            if (await GrainFactory.GetFleetSessions(region, _accountId, name).ExpireAsync(sessionId))
            {
                return;
            }
        }
    }

    /// <summary>The names a Describe call covers: those asked for (all of them), or a page of all the account's names of that kind.</summary>
    private (IReadOnlyList<string> Page, string? NextToken) PageOfNames(string region, ResourceKind kind, IReadOnlyList<string>? names, string? nextToken, int pageSize)
    {
        var offset = Check.PageOffset(nextToken);
        if (names is { Count: > 0 })
        {
            return (names.Select(name => Check.Name(name, "Names")).Distinct(StringComparer.Ordinal).ToList(), null);
        }

        return Paging.Slice(In(region).NamesOf(kind).Order(StringComparer.Ordinal).ToList(), offset, pageSize);
    }

    /// <summary>A resource named in the request must exist; one merely listed may be half-made (its name reserved) and is skipped.</summary>
    private static async Task<T?> DescribeOrSkip<T>(Task<T> describe, bool named) where T : class
    {
        try
        {
            return await describe;
        }
        catch (AppStreamException error) when (!named && error.Code == AppStreamErrorCode.ResourceNotFound)
        {
            return null;
        }
    }

    /// <summary>
    /// The images the account can see in a region, in registry order: public, then its own, then those
    /// shared with it, each by name. Names find public and own images (and a shared one whose name is
    /// unambiguous); ARNs find any visible image.
    /// </summary>
    private async Task<IReadOnlyList<ImageListing>> ListImagesAsync(string region, IReadOnlyList<string>? names, IReadOnlyList<string>? arns)
    {
        var publicImages = (await GrainFactory.GetGrain<IRegionGrain>(region).DescribePublicImagesAsync())
            .Select(image => new ImageListing(ResourceKey.Public(region, image.Name), VisibilityType.Public, image))
            .ToList();
        var holdings = In(region);
        var owned = holdings.NamesOf(ResourceKind.Image).Order(StringComparer.Ordinal)
            .Select(name => new ImageListing(new ResourceKey(region, _accountId, name), VisibilityType.Private, null));
        var shared = holdings.SharedWithMe.Select(ResourceKey.Parse)
            .OrderBy(key => key.Name, StringComparer.Ordinal).ThenBy(key => key.Owner, StringComparer.Ordinal)
            .Select(key => new ImageListing(key, VisibilityType.Shared, null));
        var all = publicImages.Concat(owned).Concat(shared).ToList();

        if (names is { Count: > 0 })
        {
            return names.Select(name => FindByName(all, Check.Name(name, "Names"), region)).ToList();
        }

        if (arns is { Count: > 0 })
        {
            return arns.Select(arn => FindByArn(all, arn, region)).ToList();
        }

        return all;
    }

    private ImageListing FindByName(IReadOnlyList<ImageListing> all, string name, string region)
    {
        var named = all.Where(entry => entry.Key.Name == name).ToList();
        var found = named.FirstOrDefault(entry => entry.Visibility == VisibilityType.Private)
            ?? named.FirstOrDefault(entry => entry.Visibility == VisibilityType.Public)
            ?? (named.Count == 1 ? named[0] : null);
        return found ?? throw (named.Count > 1
            ? AppStreamException.InvalidCombination($"More than one account shares an image named {name} with account {_accountId} in {region}; name it by its ARN.")
            : AppStreamException.NotFound($"No image named {name} is visible to account {_accountId} in {region}."));
    }

    private ImageListing FindByArn(IReadOnlyList<ImageListing> all, string arn, string region)
    {
        var key = AppStreamArn.Parse(arn, "Arns").Key;
        return all.FirstOrDefault(entry => entry.Key == key)
            ?? throw AppStreamException.NotFound($"No image with ARN {arn} is visible to account {_accountId} in {region}.");
    }

    private AccountRegionState In(string region) =>
        state.State.Regions.TryGetValue(region, out var holdings) ? holdings : state.State.Regions[region] = new AccountRegionState();

    private AppStreamException AlreadyExists(string region, ResourceKind kind, string name) =>
        AppStreamException.AlreadyExists($"Account {_accountId} already has {kind.WithArticle()} named {name} in {region}.");

    /// <summary>One image in a listing: where it lives, how this account sees it, and its view when that is already known (public images).</summary>
    private sealed record ImageListing(ResourceKey Key, VisibilityType Visibility, Image? Public);
}
