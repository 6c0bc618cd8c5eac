using Microsoft.Extensions.Logging;
using RegionSim.Accounts;
using RegionSim.Errors;
using RegionSim.Telemetry;
using RegionSim.Time;
using RegionSim.Validation;

namespace RegionSim.Images;

/// <summary>
/// Sharing: UpdateImagePermissions, DeleteImagePermissions, DescribeImagePermissions. A change for one
/// recipient is made and stored in its turn together with what must follow from it (<see cref="UntoldChange"/>):
/// the recipient's account hears the image's new view, and, when allowFleet was taken away, its fleets that
/// used the image are told through it. That telling is finished on the region's clock if a silo's death cuts
/// it short, as many times as it takes; each step of it may be repeated.
/// </summary>
public sealed partial class ImageGrain
{
    async Task IImageGrain.UpdatePermissionsAsync(string callerAccountId, UpdateImagePermissionsRequest request)
    {
        using var activity = RegionSimTelemetry.Source.StartActivity("UpdateImagePermissions");
        var recipient = Check.AccountId(request.SharedAccountId, nameof(request.SharedAccountId));
        var permissions = Check.Required(request.ImagePermissions, nameof(request.ImagePermissions));
        activity?.SetTag("regionsim.image", Arn);
        activity?.SetTag("regionsim.shared_account", recipient);
        var change = await _permissionChanges.RunAsync(recipient, async () =>
        {
            RequireShareable(callerAccountId, recipient, "shared");
            if (!permissions.SharesAnything)
            {
                // Clearing both permissions is how the console stops sharing with an account.
                return Image.SharedWith.ContainsKey(recipient) ? await StopSharingAsync(recipient) : (long?)null;
            }

            var shared = Image.SharedWith.ContainsKey(recipient);
            if (!shared && Image.SharedWith.Count >= MaxSharedAccounts)
            {
                throw AppStreamException.LimitExceeded($"Image {_key.Name} is already shared with {MaxSharedAccounts} accounts, the most an image can be shared with.");
            }

            var lost = shared && Image.SharedWith[recipient].AllowFleet && !permissions.AllowFleet ? FleetsOf(recipient) : null;
            Image.SharedWith[recipient] = permissions;
            var sequence = await StoreChangeAsync(recipient, lost);
            await PushOwnerViewAsync(Image.SharedWith.Count == 1 && !shared ? ViewOf(_key.Owner) : null);
            RegionSimTelemetry.ImagePermissionChanges.Add(1, new KeyValuePair<string, object?>("change", shared ? "updated" : "granted"));
            return sequence;
        });

        if (change is { } told)
        {
            await TellFleetsAsync(recipient, told);
        }
    }

    async Task IImageGrain.DeletePermissionsAsync(string callerAccountId, DeleteImagePermissionsRequest request)
    {
        using var activity = RegionSimTelemetry.Source.StartActivity("DeleteImagePermissions");
        var recipient = Check.AccountId(request.SharedAccountId, nameof(request.SharedAccountId));
        activity?.SetTag("regionsim.image", Arn);
        activity?.SetTag("regionsim.shared_account", recipient);
        var change = await _permissionChanges.RunAsync(recipient, () =>
        {
            RequireOwnedBy(callerAccountId, "shared");
            return Image.SharedWith.ContainsKey(recipient)
                ? StopSharingAsync(recipient)
                : throw AppStreamException.NotFound($"Image {_key.Name} is not shared with account {recipient}.");
        });

        await TellFleetsAsync(recipient, change);
    }

    Task<DescribeImagePermissionsResponse> IImageGrain.DescribePermissionsAsync(string callerAccountId, DescribeImagePermissionsRequest request)
    {
        var pageSize = Check.Range(request.MaxResults, 0, 500, nameof(request.MaxResults)) is { } max and > 0 ? max : 500;
        var offset = Check.PageOffset(request.NextToken);
        if (request.SharedAwsAccountIds is { Count: < 1 or > 5 })
        {
            throw AppStreamException.Invalid("1 validation error detected: Value at 'SharedAwsAccountIds' failed to satisfy constraint: Member must have between 1 and 5 items");
        }

        var wanted = request.SharedAwsAccountIds?.Select(id => Check.AccountId(id, nameof(request.SharedAwsAccountIds))).ToHashSet();
        RequireOwnedBy(callerAccountId, "shared");

        var all = Image.SharedWith
            .Where(entry => wanted is null || wanted.Contains(entry.Key))
            .OrderBy(entry => entry.Key, StringComparer.Ordinal)
            .Select(entry => new SharedImagePermissions { SharedAccountId = entry.Key, ImagePermissions = entry.Value })
            .ToList();
        var (page, next) = Paging.Slice(all, offset, pageSize);
        return Task.FromResult(new DescribeImagePermissionsResponse { Name = _key.Name, SharedImagePermissionsList = page, NextToken = next });
    }

    /// <summary>Stops sharing with <paramref name="recipient"/> (in its turn); answers the change's number.</summary>
    private async Task<long?> StopSharingAsync(string recipient)
    {
        Image.SharedWith.Remove(recipient, out var granted);
        var sequence = await StoreChangeAsync(recipient, granted?.AllowFleet == true ? FleetsOf(recipient) : null);
        await PushOwnerViewAsync(Image.SharedWith.Count == 0 ? ViewOf(_key.Owner) : null);
        RegionSimTelemetry.ImagePermissionChanges.Add(1, new KeyValuePair<string, object?>("change", "revoked"));
        return sequence;
    }

    /// <summary>
    /// Stores a change just made to <paramref name="recipient"/>'s permissions together with what it must be
    /// told (<paramref name="lostFleets"/>: its fleets that used the image, if allowFleet was taken away), then
    /// tells its account the image's new view. The region's clock is asked first to come back a little later,
    /// so that if this silo dies before everything is told, the telling is finished then. Answers the change's
    /// number (the view's sequence).
    /// </summary>
    private async Task<long> StoreChangeAsync(string recipient, List<string>? lostFleets)
    {
        var untold = Image.Untold.TryGetValue(recipient, out var pending) ? pending : Image.Untold[recipient] = new UntoldChange();
        untold.Sequence = ++Image.ViewSequence;
        untold.Fleets.UnionWith(lostFleets ?? []);
        await GrainFactory.WakeAtAsync(_key.Region, this.GetGrainId(), time.GetUtcNow() + clock.Timings.RetryAfter);
        await _writer.WriteAsync();
        await TellAccountAsync(recipient);
        return untold.Sequence;
    }

    /// <summary>The recipient's account hears how it sees the image now (versioned, so an old view never overwrites a newer one).</summary>
    private Task TellAccountAsync(string recipient)
    {
        var account = GrainFactory.GetGrain<IAccountGrain>(recipient);
        return Image.SharedWith.ContainsKey(recipient) ? account.AddSharedImageAsync(ViewOf(recipient)) : account.RemoveSharedImageAsync(ViewOf(recipient));
    }

    /// <summary>
    /// The recipient may no longer use this image for fleets: its fleets that used it are told through its
    /// account. Runs outside the recipient's turn, so the image serves other calls (other revocations, fleets
    /// asking) meanwhile; then, in the turn, forgets what it told, and the change once all of it is told.
    /// </summary>
    private async Task TellFleetsAsync(string recipient, long? change)
    {
        if (change is null || !Image.Untold.TryGetValue(recipient, out var untold))
        {
            return;
        }

        var fleets = untold.Fleets.Order(StringComparer.Ordinal).ToList();
        if (fleets.Count > 0)
        {
            using var activity = RegionSimTelemetry.Source.StartActivity("RevokeFleetAccess");
            activity?.SetTag("regionsim.image", Arn);
            activity?.SetTag("regionsim.shared_account", recipient);
            activity?.SetTag("regionsim.fleets", fleets.Count);
            await GrainFactory.GetGrain<IAccountGrain>(recipient).RevokeFleetAccessAsync(_key, fleets);
        }

        await _permissionChanges.RunAsync(recipient, async () =>
        {
            if (Image.Untold.TryGetValue(recipient, out var left))
            {
                left.Fleets.ExceptWith(fleets);
                if (left.Fleets.Count == 0 && left.Sequence == change)
                {
                    Image.Untold.Remove(recipient);
                }

                await _writer.WriteAsync();
            }
        });
    }

    /// <summary>On the region's clock: tells each recipient what a silo's death left untold. Answers whether anything is still untold.</summary>
    private async Task<bool> TellUntoldAsync()
    {
        foreach (var recipient in Image.Untold.Keys.ToList())
        {
            try
            {
                var change = await _permissionChanges.RunAsync(recipient, async () =>
                {
                    if (!Image.Untold.TryGetValue(recipient, out var untold))
                    {
                        return (long?)null;
                    }

                    await TellAccountAsync(recipient);
                    return untold.Sequence;
                });
                await TellFleetsAsync(recipient, change);
            }
            catch (Exception error)
            {
                logger.LogWarning("Image {Image} could not yet tell account {Recipient} of its permission change ({Error}); trying again later", Arn, recipient, error.Message);
            }
        }

        return Image.Untold.Count > 0;
    }

    /// <summary>
    /// The fleets of <paramref name="account"/> that use this image, taken at the moment its permission
    /// changes: every fleet admitted before is here, every one asking after is refused.
    /// </summary>
    private List<string>? FleetsOf(string account)
    {
        var prefix = $"{_key.Region}/{account}/";
        List<string>? fleets = null;
        foreach (var fleet in Image.Fleets)
        {
            if (fleet.StartsWith(prefix, StringComparison.Ordinal))
            {
                (fleets ??= []).Add(fleet[prefix.Length..]);
            }
        }

        fleets?.Sort(StringComparer.Ordinal);
        return fleets;
    }
}
