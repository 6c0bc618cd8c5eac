using RegionSim.Accounts;
using RegionSim.Images;
using RegionSim.Resources;
using RegionSim.Silo.Hosting;
using RegionSim.Tests.Infrastructure;
using RegionSim.Time;

namespace RegionSim.Tests.Images;

/// <summary>DescribeImages answers from the views the account holds: they follow the images, across deactivation.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ImageViewTests(ClusterFixture fixture)
{
    private const string Region = ImageSetup.Region;

    private async Task<Image?> DescribeAsync(string account, string name, VisibilityType type = VisibilityType.Private) =>
        (await fixture.Grains.GetGrain<IAccountGrain>(account).DescribeImagesAsync(Region, new DescribeImagesRequest { Type = type }))
            .Images.SingleOrDefault(image => image.Name == name);

    [Fact]
    public async Task The_accounts_views_follow_the_image_through_its_life_and_survive_deactivation()
    {
        var (owner, recipient) = (TestAccounts.NewAccount(), TestAccounts.NewAccount());
        Assert.Empty((await fixture.Grains.GetGrain<IAccountGrain>(owner).DescribeImagesAsync(Region, new DescribeImagesRequest { Type = VisibilityType.Private })).Images);
        var name = TestAccounts.NewName("img");
        var image = fixture.Grains.GetImage(Region, owner, name);
        await image.CreateAsync(new NewImage { Content = await fixture.Grains.GetImage(ResourceKey.Public(Region, ImageSetup.BaseImage)).GetContentAsync(owner) });
        Assert.Equal(ImageState.Pending, (await DescribeAsync(owner, name))!.State);

        await fixture.AdvanceAsync((await fixture.Clock.GetTimingsAsync()).ImageCreation);
        Assert.Equal(ImageState.Available, (await DescribeAsync(owner, name))!.State);
        await image.UpdatePermissionsAsync(owner, new UpdateImagePermissionsRequest
        {
            Name = name, SharedAccountId = recipient, ImagePermissions = new ImagePermissions { AllowFleet = true, AllowImageBuilder = false },
        });
        Assert.Equal("TRUE", (await DescribeAsync(owner, name))!.ImageSharedWithOthers);
        Assert.False((await DescribeAsync(recipient, name, VisibilityType.Shared))!.ImagePermissions!.AllowImageBuilder);

        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        Assert.Equal("TRUE", (await DescribeAsync(owner, name))!.ImageSharedWithOthers);
        await image.UpdatePermissionsAsync(owner, new UpdateImagePermissionsRequest
        {
            Name = name, SharedAccountId = recipient, ImagePermissions = new ImagePermissions { AllowFleet = true, AllowImageBuilder = true },
        });
        Assert.True((await DescribeAsync(recipient, name, VisibilityType.Shared))!.ImagePermissions!.AllowImageBuilder);

        await image.DeletePermissionsAsync(owner, new DeleteImagePermissionsRequest { Name = name, SharedAccountId = recipient });
        Assert.Null(await DescribeAsync(recipient, name, VisibilityType.Shared));
        Assert.Equal("FALSE", (await DescribeAsync(owner, name))!.ImageSharedWithOthers);
        Assert.Equal(ImageState.Deleting, (await image.DeleteAsync(owner)).State);
        Assert.Equal(ImageState.Deleting, (await DescribeAsync(owner, name))!.State);
        await fixture.AdvanceAsync((await fixture.Clock.GetTimingsAsync()).ImageDeletion);
        Assert.Null(await DescribeAsync(owner, name));
    }
}

/// <summary>A view that time alone changes: LatestAppstreamAgentVersion turns FALSE when a newer agent comes out, with no change to the image.</summary>
public sealed class ImageViewAgeTests(ImageViewAgeTests.EarlyCluster cluster) : IClassFixture<ImageViewAgeTests.EarlyCluster>
{
    [Fact]
    public async Task An_image_on_the_newest_agent_is_described_as_latest_until_a_newer_agent_is_released()
    {
        var (owner, recipient) = (TestAccounts.NewAccount(), TestAccounts.NewAccount());
        var name = TestAccounts.NewName("img");
        var image = cluster.Grains.GetImage(ImageSetup.Region, owner, name);
        await image.CreateAsync(new NewImage { Content = await cluster.Grains.GetImage(ResourceKey.Public(ImageSetup.Region, "AppStream-AmazonLinux2-09-21-2023")).GetContentAsync(owner) });
        var clock = cluster.Grains.GetGrain<ISimulationClockGrain>(ISimulationClockGrain.Key);
        await clock.AdvanceByAsync((await clock.GetTimingsAsync()).ImageCreation);
        await image.UpdatePermissionsAsync(owner, new UpdateImagePermissionsRequest
        {
            Name = name, SharedAccountId = recipient, ImagePermissions = new ImagePermissions { AllowFleet = true, AllowImageBuilder = true },
        });
        async Task<string?> LatestFlagAsync(string account) =>
            (await cluster.Grains.GetGrain<IAccountGrain>(account).DescribeImagesAsync(ImageSetup.Region, new DescribeImagesRequest { Names = [name] }))
                .Images.Single().LatestAppstreamAgentVersion;

        Assert.Equal("TRUE", await LatestFlagAsync(owner));
        Assert.Equal("TRUE", await LatestFlagAsync(recipient));
        await clock.AdvanceByAsync(new DateTimeOffset(2024, 10, 8, 0, 0, 0, TimeSpan.Zero) - await clock.GetNowAsync());
        Assert.Equal("FALSE", await LatestFlagAsync(owner));
        Assert.Equal("FALSE", await LatestFlagAsync(recipient));
    }

    /// <summary>A silo of its own whose simulated time starts on 2024-09-01, before the agent of 10-08-2024 was released.</summary>
    public sealed class EarlyCluster : IAsyncLifetime
    {
        private readonly Orleans.TestingHost.TestCluster _cluster = new Orleans.TestingHost.TestClusterBuilder(1).AddSiloBuilderConfigurator<EarlySilo>().Build();

        public IGrainFactory Grains => _cluster.GrainFactory;

        public Task InitializeAsync() => _cluster.DeployAsync();

        public async Task DisposeAsync() => await _cluster.DisposeAsync();

        private sealed class EarlySilo : Orleans.TestingHost.ISiloConfigurator
        {
            public void Configure(ISiloBuilder silo) => silo.AddRegionSim(new RegionSim.Silo.Hosting.RegionSimSiloOptions
            {
                Clock = RegionSim.Silo.Hosting.ClockMode.Manual,
                Start = new DateTimeOffset(2024, 9, 1, 0, 0, 0, TimeSpan.Zero),
            });
        }
    }
}
