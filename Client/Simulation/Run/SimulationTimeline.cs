using RegionSim.Client.Simulation.Scenarios;
using RegionSim.Errors;
using RegionSim.Fleets;
using RegionSim.Images;
using RegionSim.Regions;
using RegionSim.Resources;

namespace RegionSim.Client.Simulation.Run;

/// <summary>
/// Carries out the scenario's timeline through the same operations an account would call. AppStream may
/// refuse one (a copy over the limit, a fleet update in the wrong state): the refusal is the outcome, and
/// the day goes on.
/// </summary>
public sealed class SimulationTimeline(IGrainFactory grains)
{
    public async Task<TimelineOutcome> RunAsync(PlannedEvent planned)
    {
        var outcomes = planned switch
        {
            CopyEvent copy => await Task.WhenAll(copy.Copies.Select(CopyAsync)),
            RevokeEvent revoke => await Task.WhenAll(revoke.Regions.SelectMany(region => revoke.From.Select(account => RevokeAsync(revoke, region, account)))),
            UpdateFleetEvent update => await Task.WhenAll(update.Fleets.Select(fleet => UpdateAsync(update, ResourceKey.Parse(fleet)))),
            RegionCapacityEvent capacity => [await SetCapacityAsync(capacity)],
            _ => throw new InvalidOperationException($"Unknown timeline event {planned.GetType().Name}."),
        };
        var refused = outcomes.Where(o => o is not null).ToList();
        return new TimelineOutcome(planned.At, planned.Description, refused.Count == 0 ? "done" : string.Join("; ", refused.Distinct()));
    }

    private Task<string?> CopyAsync(PlannedCopy copy) => Try(() => grains.GetImage(copy.From, copy.Account, copy.Image).CopyAsync(copy.Account, new CopyImageRequest
    {
        SourceImageName = copy.Image,
        DestinationImageName = copy.As,
        DestinationRegion = copy.To,
    }));

    private Task<string?> RevokeAsync(RevokeEvent revoke, string region, string account)
    {
        var image = grains.GetImage(region, revoke.Account, revoke.Image);
        return revoke.KeepImageBuilder
            ? Try(() => image.UpdatePermissionsAsync(revoke.Account, new UpdateImagePermissionsRequest
            {
                Name = revoke.Image,
                SharedAccountId = account,
                ImagePermissions = new ImagePermissions { AllowFleet = false, AllowImageBuilder = true },
            }))
            : Try(() => image.DeletePermissionsAsync(revoke.Account, new DeleteImagePermissionsRequest { Name = revoke.Image, SharedAccountId = account }));
    }

    private Task<string?> UpdateAsync(UpdateFleetEvent update, ResourceKey fleet) => Try(() => grains.GetFleet(fleet).UpdateAsync(new UpdateFleetRequest
    {
        Name = fleet.Name,
        ImageName = update.ImageName is not null && (update.ImageOwner is null || update.ImageOwner == fleet.Owner) ? update.ImageName : null,
        ImageArn = update.ImageName is not null && update.ImageOwner is { } owner && owner != fleet.Owner
            ? new ResourceKey(fleet.Region, owner, update.ImageName).Arn(ResourceKind.Image)
            : null,
        ComputeCapacity = update.Desired is { } desired ? new ComputeCapacity { DesiredInstances = desired } : null,
    }));

    private Task<string?> SetCapacityAsync(RegionCapacityEvent capacity) =>
        Try(() => grains.GetGrain<IRegionGrain>(capacity.Region).SetInstanceLimitAsync(capacity.InstanceType, capacity.Capacity));

    private static async Task<string?> Try(Func<Task> call)
    {
        try
        {
            await call();
            return null;
        }
        catch (AppStreamException error)
        {
            return $"{error.WireType}: {error.Message}";
        }
    }
}
