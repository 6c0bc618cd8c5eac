using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RegionSim.Accounts;
using RegionSim.Errors;
using RegionSim.Regions;
using RegionSim.Resources;
using RegionSim.Telemetry;
using RegionSim.Time;
using RegionSim.Validation;
using RegionSim.Wire;

namespace RegionSim.Images;

/// <summary>
/// One image and every rule about it: who sees it and how, copying, sharing, deleting, tags.
/// Public images take their content from the region's catalogue and can only be seen and used.
/// </summary>
public sealed partial class ImageGrain(
    [PersistentState("image", StorageNames.Default)] IPersistentState<ImageGrainState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time,
    SimulationClock clock,
    ILogger<ImageGrain> logger) : Grain, IImageGrain
{
    public const int MaxSharedAccounts = 100;

    // AdmitFleet, ReleaseFleet and the permission calls interleave with the image's other calls, so every
    // write goes through one writer; permission changes for one recipient take turns.
    private readonly SerialWriter _writer = new(state);
    private readonly RecipientTurns _permissionChanges = new();
    private ResourceKey _key;
    private BaseImage? _baseImage;

    private ImageGrainState Image => state.State;
    private bool Exists => _baseImage is not null || Image.Exists;
    private string Arn => _key.Arn(ResourceKind.Image);
    private IAccountGrain Owner => GrainFactory.GetGrain<IAccountGrain>(_key.Owner);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _key = ResourceKey.Parse(this.GetPrimaryKeyString());
        if (_key.IsPublic)
        {
            _baseImage = await GrainFactory.GetGrain<IRegionGrain>(_key.Region).FindBaseImageAsync(_key.Name);
        }
    }

    Task<Image> IImageGrain.DescribeAsync(string viewerAccountId) =>
        Task.FromResult(ViewFor(viewerAccountId) ?? throw NotFound(viewerAccountId));

    Task<ImageView> IImageGrain.GetViewAsync(string viewerAccountId) => Task.FromResult(ViewOf(viewerAccountId));

    Task<ImageContent> IImageGrain.GetContentAsync(string viewerAccountId)
    {
        _ = ViewFor(viewerAccountId) ?? throw NotFound(viewerAccountId);
        return Task.FromResult(_baseImage is not null ? RegionGrain.PublicImageContent(_key.Region, _baseImage) : Image.Content!);
    }

    async Task<Image> IImageGrain.CreateAsync(NewImage image)
    {
        if (_key.IsPublic)
        {
            throw AppStreamException.NotPermitted($"{_key.Name} is a public image name owned by AWS.");
        }

        Check.MaxLength(image.Description, 256, nameof(image.Description));
        Check.MaxLength(image.DisplayName, 100, nameof(image.DisplayName));
        Check.Tags(image.Tags, nameof(image.Tags));
        if (image.InitialState is not (ImageState.Pending or ImageState.Creating))
        {
            throw new ArgumentException($"A new image starts PENDING or CREATING, not {WireNames.Of(image.InitialState)}.", nameof(image));
        }

        await Owner.ReserveNameAsync(_key.Region, ResourceKind.Image, _key.Name);
        var now = time.GetUtcNow();
        state.State = new ImageGrainState
        {
            Exists = true,
            Content = image.Content,
            State = image.InitialState,
            DisplayName = image.DisplayName,
            Description = image.Description,
            CreatedTime = now,
            Tags = image.Tags?.ToDictionary(StringComparer.Ordinal) ?? new(StringComparer.Ordinal),
            TransitionDue = now + (image.InitialState == ImageState.Creating ? clock.Timings.ManagedImageUpdate : clock.Timings.ImageCreation),
            ViewSequence = 1,
        };
        var created = OwnerView();
        await TransitionWhenDueAsync(now);
        await PushOwnerViewAsync();
        return created;
    }

    async Task<Image> IImageGrain.DeleteAsync(string callerAccountId)
    {
        RequireOwnedBy(callerAccountId, "deleted");
        if (Image.SharedWith.Count > 0)
        {
            throw AppStreamException.InUse(
                $"Image {_key.Name} is shared with {Image.SharedWith.Count} account(s) ({string.Join(", ", Image.SharedWith.Keys.Order(StringComparer.Ordinal))}); remove all image permissions before deleting it.");
        }

        if (Image.Fleets.Count > 0)
        {
            throw AppStreamException.InUse(
                $"Image {_key.Name} is used by fleet(s) {string.Join(", ", Image.Fleets.Select(f => ResourceKey.Parse(f).Name).Order(StringComparer.Ordinal))}; remove it from every fleet before deleting it.");
        }

        if (Image.State is not (ImageState.Available or ImageState.Failed))
        {
            throw AppStreamException.NotPermitted($"Image {_key.Name} is {WireNames.Of(Image.State)}; an image can be deleted when it is AVAILABLE or FAILED.");
        }

        var now = time.GetUtcNow();
        Image.State = ImageState.Deleting;
        Image.TransitionDue = now + clock.Timings.ImageDeletion;
        Image.ViewSequence++;
        var deleting = OwnerView();
        await TransitionWhenDueAsync(now);
        await PushOwnerViewAsync();
        return deleting;
    }

    async Task ITaggedResourceGrain.TagAsync(string callerAccountId, IReadOnlyDictionary<string, string> tags)
    {
        ResourceTags.CheckTags(tags);
        RequireOwnedBy(callerAccountId, "tagged");
        ResourceTags.Add(Image.Tags, tags, $"Image {_key.Name}");
        await _writer.WriteAsync();
    }

    async Task ITaggedResourceGrain.UntagAsync(string callerAccountId, IReadOnlyList<string> tagKeys)
    {
        ResourceTags.CheckKeys(tagKeys);
        RequireOwnedBy(callerAccountId, "untagged");
        if (ResourceTags.Remove(Image.Tags, tagKeys))
        {
            await _writer.WriteAsync();
        }
    }

    Task<IReadOnlyDictionary<string, string>> ITaggedResourceGrain.ListTagsAsync(string callerAccountId)
    {
        RequireOwnedBy(callerAccountId, "tagged");
        return Task.FromResult(ResourceTags.Copy(Image.Tags));
    }

    async Task<AdmittedImage> IImageGrain.AdmitFleetAsync(ResourceKey fleet)
    {
        var account = fleet.Owner;
        var view = (fleet.Region == _key.Region ? ViewFor(account) : null) ?? throw NotFound(account);
        if (_baseImage is not null)
        {
            // Public images are never deleted, so who uses them is not worth keeping.
            return new AdmittedImage { View = view, Agent = LaunchAgent.Of(RegionGrain.PublicImageContent(_key.Region, _baseImage)) };
        }

        if (Image.State != ImageState.Available)
        {
            throw AppStreamException.NotAvailable($"Image {_key.Name} is {WireNames.Of(Image.State)}; a fleet can use only an AVAILABLE image.");
        }

        if (account != _key.Owner && Image.SharedWith.GetValueOrDefault(account)?.AllowFleet != true)
        {
            throw AppStreamException.NotPermitted(
                $"Image {_key.Name} of account {_key.Owner} is shared with account {account} for image builders only; it may not be used for fleets.");
        }

        if (Image.Fleets.Add(fleet.ToString()))
        {
            await _writer.WriteAsync();
        }

        return new AdmittedImage { View = view, Agent = LaunchAgent.Of(Image.Content!) };
    }

    async Task IImageGrain.ReleaseFleetAsync(ResourceKey fleet)
    {
        if (Image.Fleets.Remove(fleet.ToString()))
        {
            await _writer.WriteAsync();
        }
    }

    async Task<DateTimeOffset?> IScheduledGrain.OnDueAsync(DateTimeOffset now)
    {
        await TransitionWhenDueAsync(now);
        var untold = Image.Untold.Count > 0 && await TellUntoldAsync();
        if (!Image.Exists)
        {
            return null;
        }

        DateTimeOffset? retry = untold ? now + clock.Timings.RetryAfter : null;
        return Image.TransitionDue is { } due && (retry is null || due < retry) ? due : retry;
    }

    /// <summary>Ends the current timed state if its time has come, else asks the region's clock to come back then.</summary>
    private async Task TransitionWhenDueAsync(DateTimeOffset now)
    {
        if (Image.TransitionDue is not { } due || !Image.Exists)
        {
            return;
        }

        if (due > now)
        {
            // The clock is asked before the state is stored: a silo dying between the two leaves a wake-up
            // with nothing to do, never a timed state nobody comes back to.
            await GrainFactory.WakeAtAsync(_key.Region, this.GetGrainId(), due);
            await _writer.WriteAsync();
            return;
        }

        Image.TransitionDue = null;
        switch (Image.State)
        {
            case ImageState.Copying:
                Image.State = ImageState.Available;
                Image.ViewSequence++;
                await _writer.WriteAsync();
                await PushOwnerViewAsync();
                await Owner.CompleteCopyAsync(_key.Region, _key.Name);
                RegionSimTelemetry.ImagesCopied.Add(1, new KeyValuePair<string, object?>("outcome", "available"));
                break;

            case ImageState.Pending or ImageState.Creating:
                var managedUpdate = Image.State == ImageState.Creating;
                Image.State = ImageState.Available;
                Image.ViewSequence++;
                await _writer.WriteAsync();
                await PushOwnerViewAsync();
                if (managedUpdate)
                {
                    await Owner.CompleteImageUpdateAsync(_key.Region, _key.Name);
                }

                RegionSimTelemetry.ImagesCreated.Add(1);
                break;

            case ImageState.Deleting:
                var gone = new ImageView { Key = _key, Incarnation = Image.CreatedTime, Sequence = Image.ViewSequence + 1 };
                await state.ClearStateAsync();
                state.State = new ImageGrainState();
                await PushOwnerViewAsync(gone);
                await Owner.ReleaseNameAsync(_key.Region, ResourceKind.Image, _key.Name);
                RegionSimTelemetry.ImagesDeleted.Add(1);
                break;
        }
    }

    /// <summary>Sharing is for the owner of a private, AVAILABLE image, with another account.</summary>
    private void RequireShareable(string callerAccountId, string recipient, string verb)
    {
        RequireOwnedBy(callerAccountId, verb);
        if (recipient == _key.Owner)
        {
            throw AppStreamException.Invalid($"Image {_key.Name} belongs to account {recipient}; an image can't be shared with the account that owns it.");
        }

        if (Image.State != ImageState.Available)
        {
            throw AppStreamException.NotAvailable($"Image {_key.Name} is {WireNames.Of(Image.State)}; only an AVAILABLE image can be shared.");
        }
    }

    /// <summary>Operations that change an image are for its owner; to anyone else the image does not exist.</summary>
    private void RequireOwnedBy(string callerAccountId, string verb)
    {
        if (_key.IsPublic)
        {
            throw AppStreamException.NotPermitted($"{_key.Name} is a public image owned by AWS; only images you own can be {verb}.");
        }

        if (!Image.Exists || callerAccountId != _key.Owner)
        {
            throw BaseImageCatalog.Find(_key.Name) is not null
                ? AppStreamException.NotFound($"{_key.Name} is a public image owned by AWS, not an image of account {callerAccountId}; only images you own can be {verb}.")
                : NotFound(callerAccountId);
        }
    }

    private AppStreamException NotFound(string accountId) =>
        AppStreamException.NotFound($"No image named {_key.Name} is visible to account {accountId} in {_key.Region}.");

    /// <summary>
    /// The owner's account keeps the owner's view for DescribeImages: it is told after every change the owner
    /// sees (the change stored first, so that the version it carries is never reused). Recipients' accounts
    /// get theirs with AddSharedImage and RemoveSharedImage.
    /// </summary>
    private Task PushOwnerViewAsync(ImageView? view = null)
    {
        view ??= Image.Exists ? ViewOf(_key.Owner) : null;
        return view is null ? Task.CompletedTask : Owner.UpdateImageViewAsync(view);
    }

    /// <summary>The view <paramref name="viewer"/>'s account keeps of this image now, at the image's current version.</summary>
    private ImageView ViewOf(string viewer)
    {
        var image = ViewFor(viewer);
        return new ImageView
        {
            Key = _key,
            Incarnation = _baseImage is null ? Image.CreatedTime : DateTimeOffset.MinValue,
            Sequence = Image.ViewSequence,
            Image = image,
            FreshUntil = image is not null && _baseImage is null ? AgentFlagFreshUntil(Image.Content!) : null,
        };
    }

    /// <summary>An image on the newest agent shows LatestAppstreamAgentVersion TRUE until a newer agent is released.</summary>
    private DateTimeOffset? AgentFlagFreshUntil(ImageContent content) =>
        !content.AlwaysLatestAgent && RunsLatestAgent(content) ? AgentReleaseCatalog.NextAfter(time.GetUtcNow())?.ReleasedOn : null;

    /// <summary>The image as <paramref name="viewer"/> sees it, or null if it can't.</summary>
    private Image? ViewFor(string viewer)
    {
        if (_baseImage is not null)
        {
            return RegionGrain.PublicImageView(_key.Region, _baseImage);
        }

        if (!Image.Exists)
        {
            return null;
        }

        if (viewer == _key.Owner)
        {
            return OwnerView();
        }

        return Image.SharedWith.TryGetValue(viewer, out var granted)
            ? OwnerView() with { Visibility = VisibilityType.Shared, ImagePermissions = granted, ImageSharedWithOthers = null }
            : null;
    }

    private Image OwnerView()
    {
        var content = Image.Content!;
        return new Image
        {
            Name = _key.Name,
            Arn = Arn,
            BaseImageArn = content.BaseImageArn,
            DisplayName = Image.DisplayName,
            Description = Image.Description,
            State = Image.State,
            StateChangeReason = Image.StateChangeReason,
            Visibility = VisibilityType.Private,
            ImageBuilderSupported = content.ImageBuilderSupported,
            ImageBuilderName = content.ImageBuilderName,
            Platform = content.Platform,
            Applications = content.Applications,
            CreatedTime = Image.CreatedTime,
            PublicBaseImageReleasedDate = content.PublicBaseImageReleasedDate,
            AppstreamAgentVersion = content.AgentVersion,
            LatestAppstreamAgentVersion = RunsLatestAgent(content) ? "TRUE" : "FALSE",
            ImageSharedWithOthers = Image.SharedWith.Count > 0 ? "TRUE" : "FALSE",
            DynamicAppProvidersEnabled = content.DynamicAppProvidersEnabled ? "ENABLED" : "DISABLED",
        };
    }

}
