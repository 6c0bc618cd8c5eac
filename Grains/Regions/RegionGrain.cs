using RegionSim.Images;
using RegionSim.Resources;
using RegionSim.Time;

namespace RegionSim.Regions;

/// <summary>
/// An AppStream region: its public catalogue, and its instance capacity (a finite number of instances of
/// each type that the region's fleets lease and give back). Activating one for an unknown region fails.
/// </summary>
public sealed class RegionGrain : Grain, IRegionGrain
{
    /// <summary>How many instances of one type a region runs at once unless a scenario says otherwise.</summary>
    public const int DefaultInstanceLimit = 1_000_000;

    private readonly IPersistentState<RegionState> _state;
    private readonly IPersistentState<RegionHoldersState> _holders;

    // Leases and returns interleave (every fleet of the region asks here): each is decided at once, in the
    // order the requests arrive, and their writes are coalesced by one writer.
    private readonly SerialWriter _writer;
    private HeldSlots _held = null!;
    private IReadOnlyList<Image> _publicImages = [];

    public RegionGrain(
        [PersistentState("region", StorageNames.Default)] IPersistentState<RegionState> state,
        [PersistentState("regionHolders", StorageNames.Default)] IPersistentState<RegionHoldersState> holders)
    {
        _state = state;
        _holders = holders;
        _writer = new SerialWriter(WriteAsync);
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var region = this.GetPrimaryKeyString();
        if (!AwsRegions.IsKnown(region))
        {
            throw new InvalidOperationException($"'{region}' is not an AWS Region where AppStream 2.0 runs.");
        }

        _publicImages = BaseImageCatalog.Images.Select(image => PublicImageView(region, image)).ToList();
        _held = new HeldSlots(_state.State, _holders.State);
        return Task.CompletedTask;
    }

    Task<IReadOnlyList<BaseImage>> IRegionGrain.ListBaseImagesAsync() => Task.FromResult(BaseImageCatalog.Images);

    Task<BaseImage?> IRegionGrain.FindBaseImageAsync(string name) => Task.FromResult(BaseImageCatalog.Find(name));

    Task<IReadOnlyList<Image>> IRegionGrain.DescribePublicImagesAsync() => Task.FromResult(_publicImages);

    async Task<IReadOnlyList<int>> IRegionGrain.LeaseInstancesAsync(IReadOnlyList<InstanceLease> requests)
    {
        var granted = Lease(requests);
        if (granted.Any(count => count > 0))
        {
            await _writer.WriteAsync();
        }

        return granted;
    }

    async Task<IReadOnlyList<int>> IRegionGrain.ExchangeInstancesAsync(IReadOnlyList<InstanceLease> returns, IReadOnlyList<InstanceLease> leases)
    {
        var changed = Return(returns);
        var granted = Lease(leases);
        if (changed || granted.Any(count => count > 0))
        {
            await _writer.WriteAsync();
        }

        return granted;
    }

    async Task IRegionGrain.ReturnInstancesAsync(IReadOnlyList<InstanceLease> returns)
    {
        if (Return(returns))
        {
            await _writer.WriteAsync();
        }
    }

    /// <summary>Decides each request in the order given: all of it, what the region has left of that type, or none.</summary>
    private int[] Lease(IReadOnlyList<InstanceLease> requests)
    {
        var granted = new int[requests.Count];
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            var left = Math.Max(0, LimitOf(request.InstanceType) - _held.InUse(request.InstanceType));
            granted[i] = Math.Clamp(request.Count, 0, left);
            _held.Add(request.Holder, request.InstanceType, granted[i]);
        }

        return granted;
    }

    /// <summary>Takes slots back, never more than a holder has; answers whether any came back.</summary>
    private bool Return(IReadOnlyList<InstanceLease> returns)
    {
        var changed = false;
        foreach (var given in returns)
        {
            var count = Math.Clamp(given.Count, 0, _held.Of(given.Holder, given.InstanceType));
            changed |= count > 0;
            _held.Add(given.Holder, given.InstanceType, -count);
        }

        return changed;
    }

    async Task<int> IRegionGrain.SettleSlotsAsync(InstanceLease holding, int wanted)
    {
        var unarrived = _held.Of(holding.Holder, holding.InstanceType) - holding.Count;
        var granted = Math.Clamp(unarrived, 0, Math.Max(0, wanted));
        if (unarrived != granted)
        {
            _held.Add(holding.Holder, holding.InstanceType, granted - unarrived);
            await _writer.WriteAsync();
        }

        return granted;
    }

    async Task IRegionGrain.SetInstanceLimitAsync(string instanceType, int? limit)
    {
        if (limit is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "An instance limit is zero or more.");
        }

        if (limit is { } value)
        {
            _state.State.Limits[instanceType] = value;
        }
        else
        {
            _state.State.Limits.Remove(instanceType);
        }

        await _writer.WriteAsync();
    }

    Task<InstanceCapacity> IRegionGrain.GetInstanceCapacityAsync(string instanceType) => Task.FromResult(new InstanceCapacity
    {
        InstanceType = instanceType,
        Limit = LimitOf(instanceType),
        InUse = _held.InUse(instanceType),
    });

    private int LimitOf(string instanceType) => _state.State.Limits.GetValueOrDefault(instanceType, DefaultInstanceLimit);

    private Task WriteAsync() => _held.StoreAsync(
        names =>
        {
            _holders.State.Holders = names;
            return _holders.WriteStateAsync();
        },
        counts =>
        {
            _state.State.HeldByNumber = counts;
            return _state.WriteStateAsync();
        });

    /// <summary>A base image as every account sees it.</summary>
    internal static Image PublicImageView(string region, BaseImage image)
    {
        var arn = ResourceKey.Public(region, image.Name).Arn(ResourceKind.Image);
        return new Image
        {
            Name = image.Name,
            Arn = arn,
            BaseImageArn = arn,
            DisplayName = image.DisplayName,
            Description = image.Description,
            State = ImageState.Available,
            Visibility = VisibilityType.Public,
            ImageBuilderSupported = true,
            Platform = image.Platform,
            CreatedTime = image.PublishedOn,
            PublicBaseImageReleasedDate = image.PublishedOn,
            AppstreamAgentVersion = image.AgentVersion,
            Applications = [],
        };
    }

    /// <summary>What a base image is made of.</summary>
    internal static ImageContent PublicImageContent(string region, BaseImage image) => new()
    {
        Platform = image.Platform,
        AgentVersion = image.AgentVersion,
        BaseImageArn = ResourceKey.Public(region, image.Name).Arn(ResourceKind.Image),
        PublicBaseImageReleasedDate = image.PublishedOn,
        ImageBuilderSupported = true,
        WindowsDefender = image.WindowsDefender,
    };
}
