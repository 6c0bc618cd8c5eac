using RegionSim.Accounts;
using RegionSim.Client.Cluster;
using RegionSim.Errors;
using RegionSim.Fleets;
using RegionSim.Images;
using RegionSim.Resources;
using RegionSim.Sessions;
using RegionSim.Stacks;
using RegionSim.Tests.Infrastructure;
using Xunit.Abstractions;

namespace RegionSim.Tests.Cluster;

/// <summary>
/// A silo killed in the middle of a revocation fan-out: an image shared with five accounts, each running
/// six fleets on it with a session in progress, and the owner taking allowFleet away from all five.
/// Afterwards every one of those fleets is at desired 0 and starts no instance, the sessions go on, the
/// permissions are as last set, and the image can't be deleted.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class RevocationFaultTests(RedisServer redis, ITestOutputHelper output)
{
    private const string Region = "us-east-1";
    private const int FleetsPerAccount = 6;
    private static readonly DateTimeOffset Start = new(2026, 2, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly ImagePermissions Revoked = new() { AllowFleet = false, AllowImageBuilder = true };

    [Theory]
    [InlineData("fleets")] // killed: the silo hosting the most of the fleets, as the owner revokes (the fan-out meets the dead silo)
    [InlineData("image")] // killed: the silo hosting the image, as soon as the first revocation has answered
    public async Task Every_fleet_of_the_revoked_accounts_ends_at_desired_0_after_a_silo_dies(string victim)
    {
        await using var cluster = await ClusterUnderTest.StartAsync(redis, Start);
        var grains = cluster.Grains;
        var timings = await cluster.Clock.GetTimingsAsync();
        var (owner, image) = (TestAccounts.NewAccount(), TestAccounts.NewName());
        var recipients = TestAccounts.NewAccounts(5);
        var shared = grains.GetImage(Region, owner, image);
        var content = await grains.GetImage(ResourceKey.Public(Region, ImageSetup.BaseImage)).GetContentAsync(owner);
        await shared.CreateAsync(new NewImage { Content = content });
        await cluster.AdvanceAsync(timings.ImageCreation);
        await Task.WhenAll(recipients.Select(recipient => SetPermissionsAsync(shared, owner, image, recipient, new ImagePermissions { AllowFleet = true, AllowImageBuilder = true })));
        var arn = new ResourceKey(Region, owner, image).Arn(ResourceKind.Image);

        var fleets = recipients.SelectMany(recipient => Enumerable.Range(0, FleetsPerAccount).Select(_ => new ResourceKey(Region, recipient, TestAccounts.NewName("fleet")))).ToList();
        await Task.WhenAll(fleets.Select(fleet => NewStreamingFleetAsync(grains, fleet, arn)));
        await cluster.AdvanceAsync(timings.FleetStart + timings.FleetInstanceProvisioning);
        var sessions = await Task.WhenAll(fleets.Select(fleet => grains.GetGrain<IFleetSessionsGrain>(fleet.ToString()).ConnectAsync(new StreamingConnectRequest
        {
            Region = Region,
            AccountId = fleet.Owner,
            StackName = fleet.Name,
            FleetName = fleet.Name,
            UserId = "ann",
            Expires = DateTimeOffset.MaxValue,
        })));

        IEnumerable<Task> revocations;
        if (victim == "fleets")
        {
            var (host, hosted) = await cluster.BusiestHostAsync(fleets.Select(fleet => grains.GetFleet(fleet)));
            var imageToo = (await cluster.HostOfAsync(shared)).Index == host.Index;
            output.WriteLine($"Killing silo {host.Index}, which hosts {hosted} of the {fleets.Count} fleets{(imageToo ? " and the image" : "")}, as the owner revokes.");
            cluster.Silos.Kill(host.Index);
            revocations = recipients.Select(recipient => SetPermissionsAsync(shared, owner, image, recipient, Revoked)).ToList();
            await cluster.WaitUntilDeadAsync([host], ClusterUnderTest.DeathDeclaredWithin);
        }
        else
        {
            var host = await cluster.HostOfAsync(shared);
            output.WriteLine($"Killing silo {host.Index}, which hosts the image, once the first revocation has answered.");
            revocations = recipients.Select(recipient => SetPermissionsAsync(shared, owner, image, recipient, Revoked)).ToList();
            await Task.WhenAny(revocations);
            await cluster.KillAsync(host);
        }

        await Task.WhenAll(revocations);
        await cluster.AdvanceAsync(TimeSpan.FromMinutes(5));
        await cluster.AdvanceAsync(timings.FleetInstanceProvisioning * 2);

        for (var i = 0; i < fleets.Count; i++)
        {
            // Desired 0, the idle instance gone and none started since; the session's instance streams on.
            var fleet = await Transient.RetryAsync(() => grains.GetFleet(fleets[i]).DescribeAsync());
            Assert.Equal(new ComputeCapacityStatus { Desired = 0, Running = 1, InUse = 1, Available = 0 }, fleet.ComputeCapacityStatus);
            var session = await grains.GetGrain<IFleetSessionsGrain>(fleets[i].ToString()).GetSessionAsync(sessions[i].Session.Id);
            Assert.Equal(SessionState.Active, session.Session.State);
        }

        var permissions = await shared.DescribePermissionsAsync(owner, new DescribeImagePermissionsRequest { Name = image });
        Assert.Equal(recipients.Order(StringComparer.Ordinal), permissions.SharedImagePermissionsList!.Select(p => p.SharedAccountId));
        Assert.All(permissions.SharedImagePermissionsList!, p => Assert.Equal(Revoked, p.ImagePermissions));
        foreach (var recipient in recipients)
        {
            var seen = await grains.GetGrain<IAccountGrain>(recipient).DescribeImagesAsync(Region, new DescribeImagesRequest { Arns = [arn] });
            Assert.Equal(Revoked, Assert.Single(seen.Images).ImagePermissions);
        }

        var inUse = await Assert.ThrowsAsync<AppStreamException>(() => shared.DeleteAsync(owner));
        Assert.Equal(AppStreamErrorCode.ResourceInUse, inUse.Code);
        var refused = await Assert.ThrowsAsync<AppStreamException>(() => NewStreamingFleetAsync(grains, new ResourceKey(Region, recipients[0], TestAccounts.NewName("fleet")), arn));
        Assert.Equal(AppStreamErrorCode.OperationNotPermitted, refused.Code);
    }

    private static Task SetPermissionsAsync(IImageGrain image, string owner, string name, string recipient, ImagePermissions permissions) =>
        Transient.RetryAsync(() => image.UpdatePermissionsAsync(owner, new UpdateImagePermissionsRequest
        {
            Name = name,
            SharedAccountId = recipient,
            ImagePermissions = permissions,
        }));

    /// <summary>An ALWAYS_ON fleet of two instances on the image, with a stack of the same name, started.</summary>
    private static async Task NewStreamingFleetAsync(IGrainFactory grains, ResourceKey fleet, string imageArn)
    {
        var stack = grains.GetStack(fleet.Region, fleet.Owner, fleet.Name);
        await stack.CreateAsync(new CreateStackRequest { Name = fleet.Name });
        await grains.GetFleet(fleet).CreateAsync(new CreateFleetRequest
        {
            Name = fleet.Name,
            ImageArn = imageArn,
            InstanceType = FleetSetup.InstanceType,
            FleetType = FleetType.AlwaysOn,
            ComputeCapacity = new ComputeCapacity { DesiredInstances = 2 },
        });
        await stack.AssociateFleetAsync(new AssociateFleetRequest { FleetName = fleet.Name, StackName = fleet.Name });
        await grains.GetFleet(fleet).StartAsync();
    }
}
