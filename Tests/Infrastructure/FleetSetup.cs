using RegionSim.Accounts;
using RegionSim.Errors;
using RegionSim.Fleets;
using RegionSim.Images;
using RegionSim.Resources;
using RegionSim.Sessions;
using RegionSim.Stacks;
using RegionSim.Time;

namespace RegionSim.Tests.Infrastructure;

/// <summary>Fleets, stacks and users for tests: each helper makes fresh ones and moves the clock as far as it must.</summary>
public static class FleetSetup
{
    public const string InstanceType = "stream.standard.medium";

    public static Task<SimulationTimings> TimingsAsync(this ClusterFixture fixture) => fixture.Clock.GetTimingsAsync();

    /// <summary>A STOPPED fleet of <paramref name="account"/> on <paramref name="image"/> (a name, an ARN, or the public base image by default).</summary>
    public static async Task<string> NewFleetAsync(this ClusterFixture fixture, string account, FleetType type = FleetType.AlwaysOn, int desired = 2,
        string? image = null, string region = ImageSetup.Region, Func<CreateFleetRequest, CreateFleetRequest>? configure = null)
    {
        var name = TestAccounts.NewName("fleet");
        image ??= ImageSetup.BaseImage;
        var request = new CreateFleetRequest
        {
            Name = name,
            ImageName = image.StartsWith("arn:", StringComparison.Ordinal) ? null : image,
            ImageArn = image.StartsWith("arn:", StringComparison.Ordinal) ? image : null,
            InstanceType = InstanceType,
            FleetType = type,
            ComputeCapacity = type == FleetType.Elastic ? null : new ComputeCapacity { DesiredInstances = desired },
        };
        await fixture.Grains.GetFleet(region, account, name).CreateAsync(configure?.Invoke(request) ?? request);
        return name;
    }

    /// <summary>Starts the fleet and moves the clock until it is RUNNING and its first instances are available.</summary>
    public static async Task StartAndWaitAsync(this ClusterFixture fixture, string account, string fleet, string region = ImageSetup.Region)
    {
        await fixture.Grains.GetFleet(region, account, fleet).StartAsync();
        var timings = await fixture.TimingsAsync();
        await fixture.AdvanceAsync(timings.FleetStart > timings.FleetInstanceProvisioning ? timings.FleetStart : timings.FleetInstanceProvisioning);
    }

    public static async Task<string> NewStackAsync(this ClusterFixture fixture, string account, string region = ImageSetup.Region, bool persistSettings = false)
    {
        var name = TestAccounts.NewName("stack");
        await fixture.Grains.GetStack(region, account, name).CreateAsync(new CreateStackRequest
        {
            Name = name,
            ApplicationSettings = persistSettings ? new ApplicationSettings { Enabled = true, SettingsGroup = "tests" } : null,
        });
        return name;
    }

    public static Task AssociateAsync(this ClusterFixture fixture, string account, string stack, string fleet, string region = ImageSetup.Region) =>
        fixture.Grains.GetStack(region, account, stack).AssociateFleetAsync(new AssociateFleetRequest { FleetName = fleet, StackName = stack });

    /// <summary>A RUNNING fleet with its instances available, associated with a new stack.</summary>
    public static async Task<(string Fleet, string Stack)> NewStreamingFleetAsync(this ClusterFixture fixture, string account, FleetType type = FleetType.AlwaysOn,
        int desired = 2, string? image = null, bool persistSettings = false, string region = ImageSetup.Region, Func<CreateFleetRequest, CreateFleetRequest>? configure = null)
    {
        var fleet = await fixture.NewFleetAsync(account, type, desired, image, region, configure);
        var stack = await fixture.NewStackAsync(account, region, persistSettings);
        await fixture.AssociateAsync(account, stack, fleet, region);
        await fixture.StartAndWaitAsync(account, fleet, region);
        return (fleet, stack);
    }

    /// <summary>The user opens a streaming URL made for them just now.</summary>
    public static async Task<StreamingConnection> ConnectAsync(this ClusterFixture fixture, string account, string stack, string fleet, string user, string region = ImageSetup.Region)
    {
        var url = await fixture.Grains.GetStack(region, account, stack).CreateStreamingUrlAsync(new CreateStreamingURLRequest
        {
            StackName = stack, FleetName = fleet, UserId = user,
        });
        return await fixture.Grains.ConnectAsync(url.StreamingURL);
    }

    public static Task<Session> ActAsync(this ClusterFixture fixture, string account, string fleet, string sessionId, UserAction action, string region = ImageSetup.Region) =>
        fixture.Grains.GetFleetSessions(region, account, fleet).ActAsync(sessionId, action);

    public static IStackGrain Stack(this ClusterFixture fixture, string account, string stack, string region = ImageSetup.Region) =>
        fixture.Grains.GetStack(region, account, stack);

    public static IFleetGrain Fleet(this ClusterFixture fixture, string account, string fleet, string region = ImageSetup.Region) =>
        fixture.Grains.GetFleet(region, account, fleet);

    /// <summary>
    /// The fleet as it describes itself, which must be what its account's DescribeFleets answers too (from the
    /// view it holds, or by asking): every test that looks at a fleet checks the account's views of it.
    /// </summary>
    public static async Task<Fleet> DescribeFleetAsync(this ClusterFixture fixture, string account, string fleet, string region = ImageSetup.Region)
    {
        // The account first: the fleet's own describe, like any call, makes a watched fleet tell a change it had not told.
        var described = await Record(fixture.Grains.GetGrain<IAccountGrain>(account).DescribeFleetsAsync(region, new DescribeFleetsRequest { Names = [fleet] }));
        Fleet own;
        try
        {
            own = await fixture.Grains.GetFleet(region, account, fleet).DescribeAsync();
        }
        catch (AppStreamException error)
        {
            Assert.Equal(error.Code, Assert.IsType<AppStreamException>(described.Error).Code);
            throw;
        }

        Assert.Null(described.Error);
        Assert.Equivalent(own, Assert.Single(described.Answer!.Fleets), strict: true);
        return own;

        static async Task<(DescribeFleetsResponse? Answer, Exception? Error)> Record(Task<DescribeFleetsResponse> call)
        {
            try
            {
                return (await call, null);
            }
            catch (Exception error)
            {
                return (null, error);
            }
        }
    }

    public static async Task<ComputeCapacityStatus> CapacityAsync(this ClusterFixture fixture, string account, string fleet, string region = ImageSetup.Region)
    {
        var capacity = (await fixture.DescribeFleetAsync(account, fleet, region)).ComputeCapacityStatus;
        Assert.Equal(capacity.Running, capacity.InUse + capacity.Available);
        return capacity;
    }

    public static Task<SessionDetails> SessionAsync(this ClusterFixture fixture, string account, string fleet, string sessionId, string region = ImageSetup.Region) =>
        fixture.Grains.GetFleetSessions(region, account, fleet).GetSessionAsync(sessionId);

    /// <summary>A private image of <paramref name="owner"/>, AVAILABLE and shared with <paramref name="recipient"/>; answers its ARN.</summary>
    public static async Task<string> NewSharedImageAsync(this ClusterFixture fixture, string owner, string recipient, bool allowFleet = true, bool allowImageBuilder = false)
    {
        var image = await fixture.NewAvailableImageAsync(owner);
        await fixture.Grains.GetImage(ImageSetup.Region, owner, image).UpdatePermissionsAsync(owner, new UpdateImagePermissionsRequest
        {
            Name = image,
            SharedAccountId = recipient,
            ImagePermissions = new ImagePermissions { AllowFleet = allowFleet, AllowImageBuilder = allowImageBuilder },
        });
        return new ResourceKey(ImageSetup.Region, owner, image).Arn(ResourceKind.Image);
    }

    public static Task SetPermissionsAsync(this ClusterFixture fixture, string owner, string imageArn, string recipient, bool allowFleet, bool allowImageBuilder)
    {
        var name = AppStreamArn.Parse(imageArn, "ImageArn").Name;
        return fixture.Grains.GetImage(ImageSetup.Region, owner, name).UpdatePermissionsAsync(owner, new UpdateImagePermissionsRequest
        {
            Name = name,
            SharedAccountId = recipient,
            ImagePermissions = new ImagePermissions { AllowFleet = allowFleet, AllowImageBuilder = allowImageBuilder },
        });
    }
}
