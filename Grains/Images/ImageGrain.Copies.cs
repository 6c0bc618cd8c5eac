using RegionSim.Accounts;
using RegionSim.Errors;
using RegionSim.Resources;
using RegionSim.Telemetry;
using RegionSim.Validation;
using RegionSim.Wire;

namespace RegionSim.Images;

/// <summary>
/// CopyImage: the source checks the request and its own state, the owner's account reserves the destination
/// name and a place among the copies in flight, and the destination image is COPYING until the copy time has
/// passed. The account, not the source, makes sure every copy it counts ends: if the hand-over to the
/// destination was cut short, it asks the destination to settle the copy (<see cref="IImageGrain.SettleCopyAsync"/>).
/// </summary>
public sealed partial class ImageGrain
{
    async Task<CopyImageResponse> IImageGrain.CopyAsync(string callerAccountId, CopyImageRequest request)
    {
        using var activity = RegionSimTelemetry.Source.StartActivity("CopyImage");
        var destinationName = Check.Name(request.DestinationImageName, nameof(request.DestinationImageName));
        var destinationRegion = Check.Region(request.DestinationRegion, nameof(request.DestinationRegion));
        Check.MaxLength(request.DestinationImageDescription, 256, nameof(request.DestinationImageDescription));
        RequireOwnedBy(callerAccountId, "copied");
        if (Image.State != ImageState.Available)
        {
            throw AppStreamException.NotAvailable($"Image {_key.Name} is {WireNames.Of(Image.State)}; only an AVAILABLE image can be copied.");
        }

        activity?.SetTag("regionsim.source", Arn);
        activity?.SetTag("regionsim.destination_region", destinationRegion);
        await Owner.ReserveCopyAsync(destinationRegion, destinationName, _key);

        // If this fails (the destination's silo died on the way), the reservation stays: the account settles it.
        await GrainFactory.GetImage(new ResourceKey(destinationRegion, callerAccountId, destinationName)).ReceiveCopyAsync(new ImageCopy
        {
            Content = Image.Content!,
            SourceArn = Arn,
            DisplayName = Image.DisplayName,
            Description = request.DestinationImageDescription ?? Image.Description,
        });
        return new CopyImageResponse { DestinationImageName = destinationName };
    }

    async Task IImageGrain.ReceiveCopyAsync(ImageCopy copy)
    {
        if (Exists)
        {
            throw AppStreamException.AlreadyExists($"The image {_key.Name} already exists in {_key.Region}.");
        }

        var now = time.GetUtcNow();
        state.State = new ImageGrainState
        {
            Exists = true,
            Content = copy.Content,
            State = ImageState.Copying,
            DisplayName = copy.DisplayName,
            Description = copy.Description,
            CreatedTime = now,
            CopiedFrom = copy.SourceArn,
            TransitionDue = now + clock.Timings.ImageCopy,
            ViewSequence = 1,
        };
        await TransitionWhenDueAsync(now);
        await PushOwnerViewAsync();
    }

    async Task IImageGrain.SettleCopyAsync(ResourceKey source)
    {
        if (!Image.Exists)
        {
            await FailCopyAsync(source);
        }
        else if (Image.State == ImageState.Copying)
        {
            // Its wake-up was lost with a silo: it ends now if its time has come, else the clock is asked again.
            await TransitionWhenDueAsync(time.GetUtcNow());
        }
        else
        {
            // Done before: the account may not have heard (a silo died after the image stored it).
            await PushOwnerViewAsync();
            await Owner.CompleteCopyAsync(_key.Region, _key.Name);
        }
    }

    /// <summary>
    /// The copy never reached this image: it becomes FAILED with IMAGE_COPY_FAILURE, as AWS shows a copy that
    /// failed, made of the source's content; the owner deletes it to use the name again. If the source is gone
    /// as well, there is nothing to show: the name and the place among the copies in flight are given back.
    /// </summary>
    private async Task FailCopyAsync(ResourceKey source)
    {
        ImageContent content;
        try
        {
            content = await GrainFactory.GetImage(source).GetContentAsync(_key.Owner);
        }
        catch (AppStreamException error) when (error.Code == AppStreamErrorCode.ResourceNotFound)
        {
            await Owner.CompleteCopyAsync(_key.Region, _key.Name);
            await Owner.ReleaseNameAsync(_key.Region, ResourceKind.Image, _key.Name);
            return;
        }

        state.State = new ImageGrainState
        {
            Exists = true,
            Content = content,
            State = ImageState.Failed,
            StateChangeReason = new ImageStateChangeReason
            {
                Code = ImageStateChangeReasonCode.ImageCopyFailure,
                Message = $"The copy of {source.Arn(ResourceKind.Image)} was interrupted before it reached {_key.Region}.",
            },
            CreatedTime = time.GetUtcNow(),
            CopiedFrom = source.Arn(ResourceKind.Image),
            ViewSequence = 1,
        };
        await _writer.WriteAsync();
        await PushOwnerViewAsync();
        await Owner.CompleteCopyAsync(_key.Region, _key.Name);
        RegionSimTelemetry.ImagesCopied.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));
    }
}
