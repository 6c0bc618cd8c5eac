using Microsoft.Extensions.DependencyInjection;
using RegionSim.Errors;
using RegionSim.Fleets;
using RegionSim.Images;
using RegionSim.Regions;
using RegionSim.Resources;
using RegionSim.Sessions;
using RegionSim.Stacks;
using RegionSim.Telemetry;
using RegionSim.Time;
using RegionSim.Validation;

namespace RegionSim.Accounts;

/// <summary>
/// An account: the one place that decides whether a name is free, how many copies may be in flight,
/// and which images the account can see in a region.
/// </summary>
public sealed partial class AccountGrain(
    [PersistentState("account", StorageNames.Default)] IPersistentState<AccountState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time,
    [FromKeyedServices(FleetWatches.Clock)] TimeProvider wall,
    IClusterMembershipService membership,
    SimulationClock clock) : Grain, IAccountGrain
{
    public const int MaxCopiesInFlightPerRegion = 2;
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

        if (kind == ResourceKind.Image)
        {
            ImagesChanged(region);
        }

        await state.WriteStateAsync();
    }

    async Task IAccountGrain.ReleaseNameAsync(string region, ResourceKind kind, string name)
    {
        if (In(region).NamesOf(kind).Remove(name))
        {
            if (kind == ResourceKind.Image)
            {
                ForgetView(new ResourceKey(region, _accountId, name));
            }

            await state.WriteStateAsync();
        }
    }

    Task<IReadOnlyList<string>> IAccountGrain.ListNamesAsync(string region, ResourceKind kind) =>
        Task.FromResult<IReadOnlyList<string>>(In(region).NamesOf(kind).Order(StringComparer.Ordinal).ToList());

    async Task IAccountGrain.ReserveCopyAsync(string destinationRegion, string imageName, ResourceKey source)
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
                $"({string.Join(", ", holdings.CopiesInFlight.Keys.Order(StringComparer.Ordinal))}); at most {MaxCopiesInFlightPerRegion} may be in flight to one region.");
        }

        // The clock is asked to come back before the reservation is stored: a silo dying between the two
        // leaves a wake-up with nothing to do, never a reservation nobody comes back to.
        var copy = new CopyInFlight { Source = source, Since = time.GetUtcNow() };
        await GrainFactory.WakeAtAsync(destinationRegion, this.GetGrainId(), SettleDue(copy));
        holdings.NamesOf(ResourceKind.Image).Add(imageName);
        holdings.CopiesInFlight[imageName] = copy;
        ImagesChanged(destinationRegion);
        await state.WriteStateAsync();
    }

    async Task IAccountGrain.CompleteCopyAsync(string destinationRegion, string imageName)
    {
        if (In(destinationRegion).CopiesInFlight.Remove(imageName))
        {
            await state.WriteStateAsync();
        }
    }

    /// <summary>
    /// Asks the destination of every copy still counted past its copy time and grace what became of it; the
    /// destination finishes it, or records it FAILED, and says it is done (<see cref="IAccountGrain.CompleteCopyAsync"/>).
    /// The question is one-way (the destination calls back), and asked again a while later until the copy is done.
    /// </summary>
    async Task<DateTimeOffset?> IScheduledGrain.OnDueAsync(DateTimeOffset now)
    {
        var overdue = new List<(ResourceKey Destination, ResourceKey Source)>();
        DateTimeOffset? next = null;
        foreach (var (region, holdings) in state.State.Regions)
        {
            foreach (var (name, copy) in holdings.CopiesInFlight)
            {
                var due = SettleDue(copy);
                if (due <= now)
                {
                    overdue.Add((new ResourceKey(region, _accountId, name), copy.Source));
                    due = now + clock.Timings.RetryAfter;
                }

                next = next is { } earlier && earlier < due ? earlier : due;
            }
        }

        foreach (var (destination, source) in overdue)
        {
            await GrainFactory.GetImage(destination).SettleCopyAsync(source);
        }

        return next;
    }

    Task<int> IAccountGrain.GetCopiesInFlightAsync(string destinationRegion) =>
        Task.FromResult(In(destinationRegion).CopiesInFlight.Count);

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

    /// <summary>When the account asks the destination of a copy what became of it: its copy time and a grace after it began.</summary>
    private DateTimeOffset SettleDue(CopyInFlight copy) => copy.Since + clock.Timings.ImageCopy + clock.Timings.ImageCopyGrace;

    private AccountRegionState In(string region) =>
        state.State.Regions.TryGetValue(region, out var holdings) ? holdings : state.State.Regions[region] = new AccountRegionState();

    private AppStreamException AlreadyExists(string region, ResourceKind kind, string name) =>
        AppStreamException.AlreadyExists($"Account {_accountId} already has {kind.WithArticle()} named {name} in {region}.");
}
