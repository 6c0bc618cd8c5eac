using RegionSim.Errors;
using RegionSim.Fleets;
using RegionSim.Images;
using RegionSim.Resources;
using RegionSim.Scaling;
using RegionSim.Sessions;
using RegionSim.Tests.Infrastructure;

namespace RegionSim.Tests.Fleets;

/// <summary>Revoking allowFleet, as the AWS page describes it: desired capacity 0 at once, sessions end on their own, no new instances until the fleet has a usable image.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RevocationTests(ClusterFixture fixture)
{
    private const string Region = ImageSetup.Region;

    [Fact]
    public async Task Revoking_while_three_sessions_are_active_zeroes_desired_at_once_and_lets_each_session_end_at_its_own_time()
    {
        var (owner, recipient) = (TestAccounts.NewAccount(), TestAccounts.NewAccount());
        var image = await fixture.NewSharedImageAsync(owner, recipient);
        var (fleet, stack) = await fixture.NewStreamingFleetAsync(recipient, desired: 5, image: image,
            configure: request => request with { MaxUserDurationInSeconds = 7200, DisconnectTimeoutInSeconds = 600 });
        var first = (await fixture.ConnectAsync(recipient, stack, fleet, "ann")).Session;
        var second = (await fixture.ConnectAsync(recipient, stack, fleet, "ben")).Session;
        await fixture.AdvanceAsync(TimeSpan.FromMinutes(30));
        var third = (await fixture.ConnectAsync(recipient, stack, fleet, "cat")).Session;
        Assert.Equal(new ComputeCapacityStatus { Desired = 5, Running = 5, InUse = 3, Available = 2 }, await fixture.CapacityAsync(recipient, fleet));

        await fixture.SetPermissionsAsync(owner, image, recipient, allowFleet: false, allowImageBuilder: true);

        // At once: desired 0, the idle instances gone, the three sessions still streaming.
        Assert.Equal(new ComputeCapacityStatus { Desired = 0, Running = 3, InUse = 3, Available = 0 }, await fixture.CapacityAsync(recipient, fleet));
        foreach (var session in new[] { first, second, third })
        {
            Assert.Equal(SessionState.Active, (await fixture.SessionAsync(recipient, fleet, session.Id)).Session.State);
        }

        // Each ends its own way; its instance goes with it and is not replaced.
        await fixture.AdvanceAsync(TimeSpan.FromMinutes(10));
        await fixture.ActAsync(recipient, fleet, second.Id, UserAction.LogOut);
        Assert.Equal(new ComputeCapacityStatus { Desired = 0, Running = 2, InUse = 2, Available = 0 }, await fixture.CapacityAsync(recipient, fleet));

        await fixture.ActAsync(recipient, fleet, third.Id, UserAction.Disconnect);
        await fixture.AdvanceAsync(TimeSpan.FromMinutes(10));
        Assert.Equal(SessionEndReason.DisconnectTimeout, (await fixture.SessionAsync(recipient, fleet, third.Id)).EndReason);
        Assert.Equal(new ComputeCapacityStatus { Desired = 0, Running = 1, InUse = 1, Available = 0 }, await fixture.CapacityAsync(recipient, fleet));

        await fixture.AdvanceAsync(first.MaxExpirationTime!.Value - await fixture.Clock.GetNowAsync());
        Assert.Equal(SessionEndReason.MaxUserDuration, (await fixture.SessionAsync(recipient, fleet, first.Id)).EndReason);
        Assert.Equal(new ComputeCapacityStatus { Desired = 0, Running = 0, InUse = 0, Available = 0 }, await fixture.CapacityAsync(recipient, fleet));

        await fixture.AdvanceAsync((await fixture.TimingsAsync()).FleetInstanceProvisioning * 2);
        Assert.Equal(new ComputeCapacityStatus { Desired = 0, Running = 0, InUse = 0, Available = 0 }, await fixture.CapacityAsync(recipient, fleet));
        Assert.Equal(FleetState.Running, (await fixture.DescribeFleetAsync(recipient, fleet)).State);
    }

    [Theory]
    [InlineData("update-allowFleet-off")]
    [InlineData("update-both-off")]
    [InlineData("delete-permissions")]
    public async Task Every_way_of_taking_allowFleet_away_zeroes_the_recipients_fleets(string how)
    {
        var (owner, recipient) = (TestAccounts.NewAccount(), TestAccounts.NewAccount());
        var image = await fixture.NewSharedImageAsync(owner, recipient, allowImageBuilder: true);
        var fleets = new[] { await fixture.NewFleetAsync(recipient, desired: 3, image: image), await fixture.NewFleetAsync(recipient, desired: 2, image: image) };
        foreach (var fleet in fleets)
        {
            await fixture.StartAndWaitAsync(recipient, fleet);
        }

        switch (how)
        {
            case "update-allowFleet-off":
                await fixture.SetPermissionsAsync(owner, image, recipient, allowFleet: false, allowImageBuilder: true);
                break;
            case "update-both-off":
                await fixture.SetPermissionsAsync(owner, image, recipient, allowFleet: false, allowImageBuilder: false);
                break;
            default:
                var name = AppStreamArn.Parse(image, "ImageArn").Name;
                await fixture.Grains.GetImage(Region, owner, name).DeletePermissionsAsync(owner, new DeleteImagePermissionsRequest { Name = name, SharedAccountId = recipient });
                break;
        }

        foreach (var fleet in fleets)
        {
            Assert.Equal(new ComputeCapacityStatus { Desired = 0, Running = 0, InUse = 0, Available = 0 }, await fixture.CapacityAsync(recipient, fleet));
        }
    }

    [Fact]
    public async Task Revoking_allowImageBuilder_alone_leaves_fleets_untouched()
    {
        var (owner, recipient) = (TestAccounts.NewAccount(), TestAccounts.NewAccount());
        var image = await fixture.NewSharedImageAsync(owner, recipient, allowFleet: true, allowImageBuilder: true);
        var (fleet, _) = await fixture.NewStreamingFleetAsync(recipient, desired: 2, image: image);

        await fixture.SetPermissionsAsync(owner, image, recipient, allowFleet: true, allowImageBuilder: false);
        Assert.Equal(new ComputeCapacityStatus { Desired = 2, Running = 2, InUse = 0, Available = 2 }, await fixture.CapacityAsync(recipient, fleet));
    }

    [Fact]
    public async Task Only_the_recipients_fleets_on_that_image_are_touched()
    {
        var (owner, recipient, bystander) = (TestAccounts.NewAccount(), TestAccounts.NewAccount(), TestAccounts.NewAccount());
        var image = await fixture.NewSharedImageAsync(owner, recipient);
        await fixture.SetPermissionsAsync(owner, image, bystander, allowFleet: true, allowImageBuilder: false);
        var onImage = await fixture.NewFleetAsync(recipient, desired: 1, image: image);
        var onBase = await fixture.NewFleetAsync(recipient, desired: 1);
        var bystanders = await fixture.NewFleetAsync(bystander, desired: 1, image: image);
        var owners = await fixture.NewFleetAsync(owner, desired: 1, image: AppStreamArn.Parse(image, "ImageArn").Name);
        foreach (var (account, fleet) in new[] { (recipient, onImage), (recipient, onBase), (bystander, bystanders), (owner, owners) })
        {
            await fixture.Fleet(account, fleet).StartAsync();
        }

        await fixture.SetPermissionsAsync(owner, image, recipient, allowFleet: false, allowImageBuilder: false);
        Assert.Equal(0, (await fixture.CapacityAsync(recipient, onImage)).Desired);
        Assert.Equal(1, (await fixture.CapacityAsync(recipient, onBase)).Desired);
        Assert.Equal(1, (await fixture.CapacityAsync(bystander, bystanders)).Desired);
        Assert.Equal(1, (await fixture.CapacityAsync(owner, owners)).Desired);
    }

    [Fact]
    public async Task After_revocation_new_fleets_with_the_image_are_refused_and_updates_cannot_raise_capacity()
    {
        var (owner, recipient) = (TestAccounts.NewAccount(), TestAccounts.NewAccount());
        var image = await fixture.NewSharedImageAsync(owner, recipient, allowImageBuilder: true);
        var (fleet, _) = await fixture.NewStreamingFleetAsync(recipient, desired: 2, image: image);
        await fixture.SetPermissionsAsync(owner, image, recipient, allowFleet: false, allowImageBuilder: true);

        var created = await Expect.Refused(AppStreamErrorCode.OperationNotPermitted, () => fixture.NewFleetAsync(recipient, image: image));
        Assert.Contains("image builders only", created.Message);
        await Expect.Refused(AppStreamErrorCode.OperationNotPermitted, () => fixture.Fleet(recipient, fleet).UpdateAsync(new UpdateFleetRequest
        {
            Name = fleet, ComputeCapacity = new ComputeCapacity { DesiredInstances = 3 },
        }));
        await Expect.Refused(AppStreamErrorCode.OperationNotPermitted, () => fixture.Fleet(recipient, fleet).UpdateAsync(new UpdateFleetRequest
        {
            Name = fleet, ImageArn = image, ComputeCapacity = new ComputeCapacity { DesiredInstances = 3 },
        }));
        Assert.Equal(0, (await fixture.CapacityAsync(recipient, fleet)).Desired);

        await fixture.SetPermissionsAsync(owner, image, recipient, allowFleet: false, allowImageBuilder: false);
        await Expect.Refused(AppStreamErrorCode.ResourceNotFound, () => fixture.NewFleetAsync(recipient, image: image));
    }

    [Fact]
    public async Task Updating_the_fleet_with_an_image_the_account_may_use_brings_capacity_back()
    {
        var (owner, recipient) = (TestAccounts.NewAccount(), TestAccounts.NewAccount());
        var image = await fixture.NewSharedImageAsync(owner, recipient);
        var (fleet, _) = await fixture.NewStreamingFleetAsync(recipient, desired: 3, image: image);
        await fixture.SetPermissionsAsync(owner, image, recipient, allowFleet: false, allowImageBuilder: false);
        Assert.Equal(0, (await fixture.CapacityAsync(recipient, fleet)).Desired);

        var updated = await fixture.Fleet(recipient, fleet).UpdateAsync(new UpdateFleetRequest { Name = fleet, ImageName = ImageSetup.BaseImage });
        Assert.Equal(ImageSetup.BaseImage, updated.Fleet.ImageName);
        Assert.Equal(3, updated.Fleet.ComputeCapacityStatus.Desired);
        await fixture.AdvanceAsync((await fixture.TimingsAsync()).FleetInstanceProvisioning);
        Assert.Equal(new ComputeCapacityStatus { Desired = 3, Running = 3, InUse = 0, Available = 3 }, await fixture.CapacityAsync(recipient, fleet));

        // The fleet no longer uses the revoked image, so its owner may delete it.
        await fixture.Grains.GetImage(Region, owner, AppStreamArn.Parse(image, "ImageArn").Name).DeleteAsync(owner);
    }

    [Fact]
    public async Task When_the_owner_shares_again_an_update_naming_the_same_image_lifts_the_revocation_with_the_capacity_it_asks_for()
    {
        var (owner, recipient) = (TestAccounts.NewAccount(), TestAccounts.NewAccount());
        var image = await fixture.NewSharedImageAsync(owner, recipient);
        var (fleet, _) = await fixture.NewStreamingFleetAsync(recipient, desired: 3, image: image);
        await fixture.SetPermissionsAsync(owner, image, recipient, allowFleet: false, allowImageBuilder: false);
        await fixture.SetPermissionsAsync(owner, image, recipient, allowFleet: true, allowImageBuilder: false);

        // Sharing again alone gives nothing back: the fleet must be updated with a usable image.
        await fixture.AdvanceAsync(TimeSpan.FromMinutes(30));
        Assert.Equal(0, (await fixture.CapacityAsync(recipient, fleet)).Desired);

        await fixture.Fleet(recipient, fleet).UpdateAsync(new UpdateFleetRequest { Name = fleet, ImageArn = image, ComputeCapacity = new ComputeCapacity { DesiredInstances = 1 } });
        Assert.Equal(1, (await fixture.CapacityAsync(recipient, fleet)).Desired);
    }

    [Fact]
    public async Task Scaling_cannot_raise_desired_capacity_while_the_image_may_not_be_used()
    {
        var (owner, recipient) = (TestAccounts.NewAccount(), TestAccounts.NewAccount());
        var image = await fixture.NewSharedImageAsync(owner, recipient);
        var (fleet, stack) = await fixture.NewStreamingFleetAsync(recipient, desired: 2, image: image);
        var scaling = fixture.Grains.GetFleetScaling(Region, recipient, fleet);
        await scaling.RegisterScalableTargetAsync(new RegisterScalableTargetRequest { MinCapacity = 2, MaxCapacity = 10 });
        await scaling.PutScalingPolicyAsync(new PutScalingPolicyRequest
        {
            PolicyName = "refusals",
            PolicyType = ScalingPolicyType.StepScaling,
            StepScalingPolicyConfiguration = new StepScalingPolicyConfiguration
            {
                AdjustmentType = AdjustmentType.ChangeInCapacity, StepAdjustments = [new StepAdjustment { MetricIntervalLowerBound = 0, ScalingAdjustment = 2 }], Cooldown = 60,
            },
            Alarm = new MetricAlarm { MetricName = FleetMetricName.InsufficientCapacityError, ComparisonOperator = ComparisonOperator.GreaterThanThreshold, Threshold = 0 },
        });
        await scaling.PutScheduledActionAsync(new PutScheduledActionRequest
        {
            ScheduledActionName = "morning", Schedule = "rate(10 minutes)", ScalableTargetAction = new ScalableTargetAction { MinCapacity = 4 },
        });
        await fixture.SetPermissionsAsync(owner, image, recipient, allowFleet: false, allowImageBuilder: false);

        for (var minute = 0; minute < 30; minute++)
        {
            await Expect.Refused(AppStreamErrorCode.ResourceNotAvailable, () => fixture.ConnectAsync(recipient, stack, fleet, $"u{minute}"));
            await fixture.AdvanceAsync(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(0, (await fixture.CapacityAsync(recipient, fleet)).Desired);
        await scaling.DeregisterScalableTargetAsync();
    }

    [Fact]
    public async Task An_image_is_not_deleted_while_a_fleet_uses_it_and_a_deleted_fleet_no_longer_does()
    {
        var account = TestAccounts.NewAccount();
        var image = await fixture.NewAvailableImageAsync(account);
        var fleet = await fixture.NewFleetAsync(account, image: image);

        var refused = await Expect.Refused(AppStreamErrorCode.ResourceInUse, () => fixture.Grains.GetImage(Region, account, image).DeleteAsync(account));
        Assert.Contains(fleet, refused.Message);
        await fixture.Fleet(account, fleet).DeleteAsync();
        Assert.Equal(ImageState.Deleting, (await fixture.Grains.GetImage(Region, account, image).DeleteAsync(account)).State);
    }

    [Fact]
    public async Task A_fleet_may_use_its_own_public_or_fleet_shared_images_only()
    {
        var (owner, recipient, stranger) = (TestAccounts.NewAccount(), TestAccounts.NewAccount(), TestAccounts.NewAccount());
        var builderOnly = await fixture.NewSharedImageAsync(owner, recipient, allowFleet: false, allowImageBuilder: true);
        var forFleets = await fixture.NewSharedImageAsync(owner, recipient, allowFleet: true);
        var pending = await fixture.NewPendingImageAsync(recipient);

        await fixture.NewFleetAsync(recipient, image: ImageSetup.BaseImage);
        await fixture.NewFleetAsync(recipient, image: forFleets);
        await fixture.NewFleetAsync(recipient, image: AppStreamArn.Parse(forFleets, "ImageArn").Name);
        await Expect.Refused(AppStreamErrorCode.OperationNotPermitted, () => fixture.NewFleetAsync(recipient, image: builderOnly));
        await Expect.Refused(AppStreamErrorCode.ResourceNotFound, () => fixture.NewFleetAsync(stranger, image: forFleets));
        await Expect.Refused(AppStreamErrorCode.ResourceNotAvailable, () => fixture.NewFleetAsync(recipient, image: pending));

        // A refused fleet leaves no name behind.
        Assert.Empty(await fixture.Grains.GetGrain<RegionSim.Accounts.IAccountGrain>(stranger).ListNamesAsync(Region, ResourceKind.Fleet));
    }
}
