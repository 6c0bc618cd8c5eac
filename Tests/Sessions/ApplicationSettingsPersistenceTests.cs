using RegionSim.Images;
using RegionSim.Sessions;
using RegionSim.Stacks;
using RegionSim.Tests.Infrastructure;

namespace RegionSim.Tests.Sessions;

/// <summary>Instances are non-persistent; with application settings persistence, profile settings come back and software never does.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ApplicationSettingsPersistenceTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Profile_settings_changed_in_a_session_come_back_in_the_users_next_session_and_installed_software_does_not()
    {
        var account = TestAccounts.NewAccount();
        var image = await fixture.NewAvailableImageAsync(account);
        var (fleet, stack) = await fixture.NewStreamingFleetAsync(account, image: image, persistSettings: true);

        var first = (await fixture.ConnectAsync(account, stack, fleet, "pat")).Session;
        var startedFrom = (await fixture.SessionAsync(account, fleet, first.Id)).StartedFrom;
        Assert.True(startedFrom.ApplicationSettingsPersisted);
        Assert.Empty(startedFrom.ProfileSettings);
        Assert.Equal(["notepad"], startedFrom.Software);
        await fixture.ActAsync(account, fleet, first.Id, UserAction.ChangeProfileSetting("Excel.DefaultFont", "Calibri 12"));
        await fixture.ActAsync(account, fleet, first.Id, UserAction.ChangeProfileSetting("Explorer.ShowHiddenFiles", "true"));
        await fixture.ActAsync(account, fleet, first.Id, UserAction.InstallSoftware("7-Zip 24.08"));
        await fixture.ActAsync(account, fleet, first.Id, UserAction.LogOut);

        var second = (await fixture.ConnectAsync(account, stack, fleet, "pat")).Session;
        Assert.NotEqual(first.InstanceId, second.InstanceId);
        var next = (await fixture.SessionAsync(account, fleet, second.Id)).StartedFrom;
        Assert.Equal(new Dictionary<string, string> { ["Excel.DefaultFont"] = "Calibri 12", ["Explorer.ShowHiddenFiles"] = "true" }, next.ProfileSettings);
        Assert.Equal(["notepad"], next.Software);
        Assert.DoesNotContain("7-Zip 24.08", next.Software);

        // The second session changes one setting again: the third starts from both sessions' changes.
        await fixture.ActAsync(account, fleet, second.Id, UserAction.ChangeProfileSetting("Excel.DefaultFont", "Arial 11"));
        await fixture.ActAsync(account, fleet, second.Id, UserAction.Disconnect);
        await fixture.AdvanceAsync(TimeSpan.FromSeconds((await fixture.DescribeFleetAsync(account, fleet)).DisconnectTimeoutInSeconds!.Value));
        Assert.Equal(new Dictionary<string, string> { ["Excel.DefaultFont"] = "Arial 11", ["Explorer.ShowHiddenFiles"] = "true" },
            await fixture.Stack(account, stack).GetPersistedProfileAsync("pat"));

        // Another user starts from nothing.
        var other = (await fixture.ConnectAsync(account, stack, fleet, "quinn")).Session;
        Assert.Empty((await fixture.SessionAsync(account, fleet, other.Id)).StartedFrom.ProfileSettings);
    }

    [Fact]
    public async Task Without_application_settings_persistence_every_session_starts_from_the_image()
    {
        var account = TestAccounts.NewAccount();
        var (fleet, stack) = await fixture.NewStreamingFleetAsync(account, persistSettings: false);
        var first = (await fixture.ConnectAsync(account, stack, fleet, "rae")).Session;
        await fixture.ActAsync(account, fleet, first.Id, UserAction.ChangeProfileSetting("Theme", "dark"));
        await fixture.ActAsync(account, fleet, first.Id, UserAction.LogOut);

        var second = (await fixture.ConnectAsync(account, stack, fleet, "rae")).Session;
        var startedFrom = (await fixture.SessionAsync(account, fleet, second.Id)).StartedFrom;
        Assert.False(startedFrom.ApplicationSettingsPersisted);
        Assert.Empty(startedFrom.ProfileSettings);
        Assert.Empty(await fixture.Stack(account, stack).GetPersistedProfileAsync("rae"));
    }

    [Fact]
    public async Task Turning_persistence_on_applies_to_the_next_sessions()
    {
        var account = TestAccounts.NewAccount();
        var (fleet, stack) = await fixture.NewStreamingFleetAsync(account, persistSettings: false);
        await fixture.Stack(account, stack).UpdateAsync(new UpdateStackRequest { Name = stack, ApplicationSettings = new ApplicationSettings { Enabled = true } });
        var first = (await fixture.ConnectAsync(account, stack, fleet, "sam")).Session;
        await fixture.ActAsync(account, fleet, first.Id, UserAction.ChangeProfileSetting("Theme", "dark"));
        await fixture.Grains.GetGrain<RegionSim.Accounts.IAccountGrain>(account).ExpireSessionAsync(ImageSetup.Region, new ExpireSessionRequest { SessionId = first.Id });

        var second = (await fixture.ConnectAsync(account, stack, fleet, "sam")).Session;
        Assert.Equal("dark", (await fixture.SessionAsync(account, fleet, second.Id)).StartedFrom.ProfileSettings["Theme"]);
    }
}
