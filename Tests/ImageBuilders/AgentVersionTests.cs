using RegionSim.Errors;
using RegionSim.ImageBuilders;
using RegionSim.Images;
using RegionSim.Regions;
using RegionSim.Resources;
using RegionSim.Tests.Infrastructure;

namespace RegionSim.Tests.ImageBuilders;

[Collection(ClusterCollection.Name)]
public sealed class AgentVersionTests(ClusterFixture fixture)
{
    private const string Region = ImageBuilderSetup.Region;
    private const string OldAgent = "09-10-2019";

    private static string Latest => AgentReleaseCatalog.Releases[^1].Version;

    [Fact]
    public void The_latest_agent_is_the_newest_released_by_the_simulated_date()
    {
        Assert.Equal("10-08-2024", AgentReleaseCatalog.LatestAt(ClusterFixture.Start).Version);
        Assert.Equal("07-30-2020", AgentReleaseCatalog.LatestAt(new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero)).Version);
        Assert.Equal("07-26-2019", AgentReleaseCatalog.LatestAt(new DateTimeOffset(2019, 7, 26, 0, 0, 0, TimeSpan.Zero)).Version);
        Assert.Null(AgentReleaseCatalog.Find("07-30-2020", new DateTimeOffset(2020, 7, 29, 0, 0, 0, TimeSpan.Zero)));
        Assert.True(AgentReleaseCatalog.IsNewer("01-13-2020", "11-13-2019"));
    }

    [Fact]
    public void Every_base_image_carries_a_released_agent()
    {
        foreach (var image in BaseImageCatalog.Images)
        {
            Assert.True(AgentReleaseCatalog.Find(image.AgentVersion, image.PublishedOn) is not null, $"{image.Name} carries agent {image.AgentVersion}, which is no release.");
        }
    }

    [Fact]
    public async Task Without_an_agent_asked_for_a_builder_runs_the_images_agent_and_says_it_is_not_the_latest()
    {
        var account = TestAccounts.NewAccount();
        var name = TestAccounts.NewName("ib");
        await fixture.CreateBuilderAsync(account, name, ImageBuilderSetup.OldBaseImage);
        await fixture.AdvanceAsync((await fixture.TimingsAsync()).ImageBuilderLaunch);
        var builder = await fixture.Builder(account, name).DescribeAsync();
        Assert.Equal(ImageBuilderState.Running, builder.State);
        Assert.Equal(OldAgent, builder.AppstreamAgentVersion);
        Assert.Equal("FALSE", builder.LatestAppstreamAgentVersion);
    }

    [Fact]
    public async Task Asking_for_the_latest_agent_goes_through_UPDATING_AGENT()
    {
        var account = TestAccounts.NewAccount();
        var name = TestAccounts.NewName("ib");
        await fixture.CreateBuilderAsync(account, name, ImageBuilderSetup.OldBaseImage, agentVersion: "[LATEST]");
        var timings = await fixture.TimingsAsync();

        await fixture.AdvanceAsync(timings.ImageBuilderLaunch);
        var updating = await fixture.Builder(account, name).DescribeAsync();
        Assert.Equal(ImageBuilderState.UpdatingAgent, updating.State);
        Assert.Equal(OldAgent, updating.AppstreamAgentVersion);
        await Expect.Refused(AppStreamErrorCode.ConcurrentModification, () => fixture.Builder(account, name).StopAsync());

        await fixture.AdvanceAsync(timings.ImageBuilderAgentUpdate);
        var running = await fixture.Builder(account, name).DescribeAsync();
        Assert.Equal(ImageBuilderState.Running, running.State);
        Assert.Equal(Latest, running.AppstreamAgentVersion);
        Assert.Equal("TRUE", running.LatestAppstreamAgentVersion);
    }

    [Fact]
    public async Task The_latest_agent_on_an_up_to_date_image_needs_no_update()
    {
        var account = TestAccounts.NewAccount();
        var name = TestAccounts.NewName("ib");
        await fixture.CreateBuilderAsync(account, name, agentVersion: "[LATEST]");
        await fixture.AdvanceAsync((await fixture.TimingsAsync()).ImageBuilderLaunch);
        Assert.Equal(ImageBuilderState.Running, (await fixture.Builder(account, name).DescribeAsync()).State);
    }

    [Fact]
    public async Task Starting_a_stopped_builder_on_a_newer_agent_updates_it()
    {
        var account = TestAccounts.NewAccount();
        var name = await fixture.NewRunningBuilderAsync(account, ImageBuilderSetup.OldBaseImage);
        var builder = fixture.Builder(account, name);
        var timings = await fixture.TimingsAsync();
        await builder.StopAsync();
        await fixture.AdvanceAsync(timings.ImageBuilderStop);

        await builder.StartAsync(new StartImageBuilderRequest { Name = name, AppstreamAgentVersion = "01-13-2020" });
        await fixture.AdvanceAsync(timings.ImageBuilderStart);
        Assert.Equal(ImageBuilderState.UpdatingAgent, (await builder.DescribeAsync()).State);
        await fixture.AdvanceAsync(timings.ImageBuilderAgentUpdate);
        Assert.Equal("01-13-2020", (await builder.DescribeAsync()).AppstreamAgentVersion);

        // A start without an agent asked for keeps the agent.
        await builder.StopAsync();
        await fixture.AdvanceAsync(timings.ImageBuilderStop);
        await builder.StartAsync(new StartImageBuilderRequest { Name = name });
        await fixture.AdvanceAsync(timings.ImageBuilderStart);
        var restarted = await builder.DescribeAsync();
        Assert.Equal(ImageBuilderState.Running, restarted.State);
        Assert.Equal("01-13-2020", restarted.AppstreamAgentVersion);
    }

    [Theory]
    [InlineData("13-45-2019", AppStreamErrorCode.Validation)]
    [InlineData("latest", AppStreamErrorCode.Validation)]
    [InlineData("06-19-2019", AppStreamErrorCode.IncompatibleImage)]
    public async Task Unknown_or_older_agents_are_refused(string agent, AppStreamErrorCode code)
    {
        var account = TestAccounts.NewAccount();
        var error = await Expect.Refused(code, () => fixture.CreateBuilderAsync(account, TestAccounts.NewName("ib"), ImageBuilderSetup.OldBaseImage, agentVersion: agent));
        Assert.Contains(agent, error.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_image_is_pinned_to_the_builders_agent_or_always_runs_the_latest(bool useLatest)
    {
        var account = TestAccounts.NewAccount();
        var builderName = await fixture.NewRunningBuilderAsync(account, ImageBuilderSetup.OldBaseImage);
        var imageName = TestAccounts.NewName("img");
        await fixture.Builder(account, builderName).CreateImageAsync(new ImageAssistantCreateImage { Name = imageName, UseLatestAgentVersion = useLatest });
        await fixture.SettleAsync();

        var image = fixture.Grains.GetImage(Region, account, imageName);
        var content = await image.GetContentAsync(account);
        Assert.Equal(OldAgent, content.AgentVersion);
        Assert.Equal(useLatest, content.AlwaysLatestAgent);
        Assert.Equal(useLatest ? "TRUE" : "FALSE", (await image.DescribeAsync(account)).LatestAppstreamAgentVersion);

        // New builders launched from an always-latest image run the latest agent too.
        var next = await fixture.NewRunningBuilderAsync(account, imageName);
        Assert.Equal(useLatest ? Latest : OldAgent, (await fixture.Builder(account, next).DescribeAsync()).AppstreamAgentVersion);

        // So do a fleet's instances: a user's session shows the agent of the instance it got.
        Assert.Equal(useLatest ? Latest : OldAgent, await SessionAgentAsync(account, imageName));
    }

    [Fact]
    public async Task Public_images_launch_fleet_instances_on_their_own_agent()
    {
        Assert.Equal(OldAgent, await SessionAgentAsync(TestAccounts.NewAccount(), ImageBuilderSetup.OldBaseImage));
    }

    [Fact]
    public async Task A_fleet_on_an_image_shared_with_the_account_launches_on_the_owners_agent_choice()
    {
        var owner = TestAccounts.NewAccount();
        var recipient = TestAccounts.NewAccount();
        var builderName = await fixture.NewRunningBuilderAsync(owner, ImageBuilderSetup.OldBaseImage);
        var imageName = TestAccounts.NewName("img");
        await fixture.Builder(owner, builderName).CreateImageAsync(new ImageAssistantCreateImage { Name = imageName, UseLatestAgentVersion = true });
        await fixture.SettleAsync();
        await fixture.ShareAsync(owner, imageName, recipient, allowFleet: true, allowImageBuilder: false);

        var arn = (await fixture.Grains.GetImage(Region, owner, imageName).DescribeAsync(owner)).Arn!;
        Assert.Equal(Latest, await SessionAgentAsync(recipient, arn));
    }

    /// <summary>The agent a user's session runs on, on a new fleet of <paramref name="account"/> from <paramref name="image"/>.</summary>
    private async Task<string> SessionAgentAsync(string account, string image)
    {
        var (fleet, stack) = await fixture.NewStreamingFleetAsync(account, desired: 1, image: image);
        var session = (await fixture.ConnectAsync(account, stack, fleet, "agent-user")).Session;
        return (await fixture.SessionAsync(account, fleet, session.Id)).StartedFrom.AgentVersion;
    }
}
