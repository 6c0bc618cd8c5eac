using RegionSim.ImageBuilders;
using RegionSim.Images;
using RegionSim.Fleets;
using RegionSim.Resources;
using RegionSim.Tests.Infrastructure;
using RegionSim.Time;

namespace RegionSim.Tests.ImageBuilders;

public static class ImageBuilderSetup
{
    public const string Region = ImageSetup.Region;
    public const string InstanceType = "stream.standard.medium";

    /// <summary>Windows Server 2019 of 2019-09-10: an older agent, Windows Defender off by default.</summary>
    public const string OldBaseImage = "AppStream-WinServer2019-09-10-2019";

    public static Task<SimulationTimings> TimingsAsync(this ClusterFixture fixture) => fixture.Clock.GetTimingsAsync();

    public static IImageBuilderGrain Builder(this ClusterFixture fixture, string account, string name, string region = Region) =>
        fixture.Grains.GetImageBuilder(region, account, name);

    public static Task<CreateImageBuilderResponse> CreateBuilderAsync(
        this ClusterFixture fixture, string account, string name, string? imageName = ImageSetup.BaseImage, string? imageArn = null,
        string? agentVersion = null, DomainJoinInfo? domain = null, string region = Region) =>
        fixture.Builder(account, name, region).CreateAsync(new CreateImageBuilderRequest
        {
            Name = name,
            ImageName = imageArn is null ? imageName : null,
            ImageArn = imageArn,
            InstanceType = InstanceType,
            AppstreamAgentVersion = agentVersion,
            DomainJoinInfo = domain,
        });

    /// <summary>Creates a builder and moves the clock until it is RUNNING (through UPDATING_AGENT if it gets a newer agent).</summary>
    public static async Task<string> NewRunningBuilderAsync(
        this ClusterFixture fixture, string account, string? imageName = ImageSetup.BaseImage, string? imageArn = null,
        string? agentVersion = null, DomainJoinInfo? domain = null)
    {
        var name = TestAccounts.NewName("ib");
        await fixture.CreateBuilderAsync(account, name, imageName, imageArn, agentVersion, domain);
        var timings = await fixture.TimingsAsync();
        await fixture.AdvanceAsync(timings.ImageBuilderLaunch + timings.ImageBuilderAgentUpdate);
        Assert.Equal(ImageBuilderState.Running, (await fixture.Builder(account, name).DescribeAsync()).State);
        return name;
    }

    /// <summary>Moves the clock past the time every builder and image transition of one step takes.</summary>
    public static async Task SettleAsync(this ClusterFixture fixture) =>
        await fixture.AdvanceAsync(TimeSpan.FromHours(2));

    /// <summary>A private AVAILABLE image of <paramref name="account"/> made from the public base image <paramref name="baseImage"/>.</summary>
    public static async Task<string> NewImageFromBaseAsync(this ClusterFixture fixture, string account, string baseImage, string region = Region)
    {
        var name = TestAccounts.NewName("img");
        var content = await fixture.Grains.GetImage(ResourceKey.Public(region, baseImage)).GetContentAsync(account);
        await fixture.Grains.GetImage(region, account, name).CreateAsync(new NewImage { Content = content });
        await fixture.AdvanceAsync((await fixture.TimingsAsync()).ImageCreation);
        return name;
    }

    public static Task ShareAsync(this ClusterFixture fixture, string owner, string image, string recipient, bool allowFleet, bool allowImageBuilder) =>
        fixture.Grains.GetImage(Region, owner, image).UpdatePermissionsAsync(owner, new UpdateImagePermissionsRequest
        {
            Name = image,
            SharedAccountId = recipient,
            ImagePermissions = new ImagePermissions { AllowFleet = allowFleet, AllowImageBuilder = allowImageBuilder },
        });
}
