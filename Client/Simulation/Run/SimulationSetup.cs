using RegionSim.Client.Simulation.Scenarios;
using RegionSim.Errors;
using RegionSim.Fleets;
using RegionSim.Images;
using RegionSim.Regions;
using RegionSim.Resources;
using RegionSim.Scaling;
using RegionSim.Stacks;
using RegionSim.Time;

namespace RegionSim.Client.Simulation.Run;

/// <summary>
/// Builds the scenario's world through the grains' own operations, before the day starts: region
/// capacity, images, copies, shares, stacks, fleets with their scaling, started and provisioned.
/// </summary>
public sealed class SimulationSetup(ScenarioPlan plan, IGrainFactory grains)
{
    private ISimulationClockGrain Clock => grains.GetGrain<ISimulationClockGrain>(ISimulationClockGrain.Key);

    /// <summary>How long before the scenario's start the silo's clock must begin, for the setup to finish by then.</summary>
    public static TimeSpan Lead(ScenarioPlan plan)
    {
        var t = plan.Timings;
        var copyWaves = plan.Copies.GroupBy(c => (c.Account, c.To)).Select(g => (g.Count() + 1) / 2).DefaultIfEmpty(0).Max();
        return t.ImageCreation + (t.ImageCopy * copyWaves) + t.FleetStart + t.FleetInstanceProvisioning + TimeSpan.FromMinutes(5);
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await Clock.SetTimingsAsync(plan.Timings);
        foreach (var region in plan.Regions)
        {
            foreach (var (instanceType, limit) in region.Capacity)
            {
                await grains.GetGrain<IRegionGrain>(region.Code).SetInstanceLimitAsync(instanceType, limit);
            }
        }

        await Task.WhenAll(plan.Images.Select(CreateImageAsync));
        await Clock.AdvanceByAsync(plan.Timings.ImageCreation);
        await CopyAsync(plan.Copies, cancellationToken);
        foreach (var share in plan.Shares)
        {
            await grains.GetImage(share.Region, share.Account, share.Image).UpdatePermissionsAsync(share.Account, new UpdateImagePermissionsRequest
            {
                Name = share.Image,
                SharedAccountId = share.With,
                ImagePermissions = new ImagePermissions { AllowFleet = share.AllowFleet, AllowImageBuilder = share.AllowImageBuilder },
            });
        }

        await Parallel.ForEachAsync(plan.Fleets, new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = cancellationToken },
            async (fleet, _) => await CreateFleetAsync(fleet));
        await Clock.AdvanceByAsync(plan.Timings.FleetStart + plan.Timings.FleetInstanceProvisioning);
    }

    private async Task CreateImageAsync(PlannedImage image)
    {
        var content = await grains.GetImage(ResourceKey.Public(image.Region, image.BaseImage)).GetContentAsync(image.Account);
        await grains.GetImage(image.Region, image.Account, image.Name).CreateAsync(new NewImage
        {
            Content = content with
            {
                Applications = image.Applications.Select(name => new Application
                {
                    Name = name,
                    DisplayName = name,
                    LaunchPath = $@"C:\Program Files\{name}\{name}.exe",
                    Enabled = true,
                }).ToList(),
            },
            DisplayName = image.Name,
            Description = $"{image.Name}, built for the {plan.Name} scenario",
        });
    }

    /// <summary>Copies in waves: AppStream lets an account have two copies in flight to a region at a time.</summary>
    private async Task CopyAsync(IReadOnlyList<PlannedCopy> copies, CancellationToken cancellationToken)
    {
        var waiting = copies.ToList();
        while (waiting.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var next = new List<PlannedCopy>();
            foreach (var copy in waiting)
            {
                try
                {
                    await grains.GetImage(copy.From, copy.Account, copy.Image).CopyAsync(copy.Account, new CopyImageRequest
                    {
                        SourceImageName = copy.Image,
                        DestinationImageName = copy.As,
                        DestinationRegion = copy.To,
                    });
                }
                catch (AppStreamException error) when (error.Code == AppStreamErrorCode.LimitExceeded)
                {
                    next.Add(copy);
                }
            }

            await Clock.AdvanceByAsync(plan.Timings.ImageCopy);
            waiting = next;
        }
    }

    private async Task CreateFleetAsync(PlannedFleet planned)
    {
        var stack = grains.GetStack(planned.Region, planned.Account, planned.Name);
        await stack.CreateAsync(new CreateStackRequest
        {
            Name = planned.Name,
            ApplicationSettings = planned.PersistSettings ? new ApplicationSettings { Enabled = true, SettingsGroup = planned.Name } : null,
        });
        var fleet = grains.GetFleet(planned.Region, planned.Account, planned.Name);
        await fleet.CreateAsync(planned.Create);
        await stack.AssociateFleetAsync(new AssociateFleetRequest { FleetName = planned.Name, StackName = planned.Name });
        var scaling = grains.GetGrain<IFleetScalingGrain>(planned.Key);
        if (planned.ScalableTarget is { } target)
        {
            await scaling.RegisterScalableTargetAsync(target);
        }

        foreach (var policy in planned.Policies)
        {
            await scaling.PutScalingPolicyAsync(policy);
        }

        foreach (var action in planned.ScheduledActions)
        {
            await scaling.PutScheduledActionAsync(action);
        }

        await fleet.StartAsync();
    }
}
