using RegionSim.Accounts;
using RegionSim.Errors;
using RegionSim.Fleets;
using RegionSim.Resources;
using RegionSim.Sessions;
using RegionSim.Stacks;
using RegionSim.Tests.Infrastructure;

namespace RegionSim.Tests.Stacks;

[Collection(ClusterCollection.Name)]
public sealed class StackTests(ClusterFixture fixture)
{
    private const string Region = ImageSetup.Region;

    [Fact]
    public async Task A_stack_is_described_with_its_settings_and_every_user_action_enabled_unless_set()
    {
        var account = TestAccounts.NewAccount();
        var name = TestAccounts.NewName("stack");
        await fixture.Stack(account, name).CreateAsync(new CreateStackRequest
        {
            Name = name,
            DisplayName = "Sales",
            RedirectURL = "https://example.com/bye",
            UserSettings = [new UserSetting { Action = UserSettingAction.FileDownload, Permission = Permission.Disabled }],
            ApplicationSettings = new ApplicationSettings { Enabled = true, SettingsGroup = "sales" },
            StreamingExperienceSettings = new StreamingExperienceSettings { PreferredProtocol = PreferredProtocol.Udp },
        });

        var stack = await fixture.Stack(account, name).DescribeAsync();
        Assert.Equal($"arn:aws:appstream:{Region}:{account}:stack/{name}", stack.Arn);
        Assert.Equal(Enum.GetValues<UserSettingAction>().Length, stack.UserSettings!.Count);
        Assert.Equal(Permission.Disabled, stack.UserSettings.Single(s => s.Action == UserSettingAction.FileDownload).Permission);
        Assert.All(stack.UserSettings.Where(s => s.Action != UserSettingAction.FileDownload), s => Assert.Equal(Permission.Enabled, s.Permission));
        Assert.True(stack.ApplicationSettings!.Enabled);
        Assert.Equal("sales", stack.ApplicationSettings.SettingsGroup);
        Assert.NotNull(stack.ApplicationSettings.S3BucketName);

        var updated = await fixture.Stack(account, name).UpdateAsync(new UpdateStackRequest
        {
            Name = name, DisplayName = "Sales EU", AttributesToDelete = [StackAttribute.RedirectUrl, StackAttribute.UserSettings],
        });
        Assert.Equal("Sales EU", updated.Stack.DisplayName);
        Assert.Null(updated.Stack.RedirectURL);
        Assert.All(updated.Stack.UserSettings!, s => Assert.Equal(Permission.Enabled, s.Permission));
        Assert.Equal(name, Assert.Single((await fixture.Grains.GetGrain<IAccountGrain>(account).DescribeStacksAsync(Region, new DescribeStacksRequest())).Stacks).Name);
    }

    [Fact]
    public async Task A_stack_has_one_fleet_and_a_fleet_lists_its_stacks()
    {
        var account = TestAccounts.NewAccount();
        var (first, second) = (await fixture.NewFleetAsync(account), await fixture.NewFleetAsync(account));
        var (stackA, stackB) = (await fixture.NewStackAsync(account), await fixture.NewStackAsync(account));
        await fixture.AssociateAsync(account, stackA, first);
        await fixture.AssociateAsync(account, stackB, first);

        await Expect.Refused(AppStreamErrorCode.LimitExceeded, () => fixture.AssociateAsync(account, stackA, second));
        var lonely = await fixture.NewStackAsync(account);
        await Expect.Refused(AppStreamErrorCode.ResourceNotFound, () => fixture.AssociateAsync(account, lonely, "no-such-fleet"));
        Assert.Empty((await fixture.Stack(account, lonely).ListAssociatedFleetsAsync(new ListAssociatedFleetsRequest { StackName = lonely })).Names);
        Assert.Equal([first], (await fixture.Stack(account, stackA).ListAssociatedFleetsAsync(new ListAssociatedFleetsRequest { StackName = stackA })).Names);
        Assert.Equal(new[] { stackA, stackB }.Order(StringComparer.Ordinal),
            (await fixture.Fleet(account, first).ListAssociatedStacksAsync(new ListAssociatedStacksRequest { FleetName = first })).Names);

        await fixture.Stack(account, stackA).DisassociateFleetAsync(new DisassociateFleetRequest { FleetName = first, StackName = stackA });
        await fixture.AssociateAsync(account, stackA, second);
        Assert.Equal([stackB], (await fixture.Fleet(account, first).ListAssociatedStacksAsync(new ListAssociatedStacksRequest { FleetName = first })).Names);
        await Expect.Refused(AppStreamErrorCode.ResourceNotFound,
            () => fixture.Stack(account, stackA).DisassociateFleetAsync(new DisassociateFleetRequest { FleetName = first, StackName = stackA }));
    }

    [Fact]
    public async Task A_stack_is_deleted_only_without_a_fleet_and_a_fleet_is_disassociated_only_without_sessions()
    {
        var account = TestAccounts.NewAccount();
        var (fleet, stack) = await fixture.NewStreamingFleetAsync(account);
        var session = (await fixture.ConnectAsync(account, stack, fleet, "nora")).Session;

        await Expect.Refused(AppStreamErrorCode.ResourceInUse, () => fixture.Stack(account, stack).DeleteAsync());
        await Expect.Refused(AppStreamErrorCode.ResourceInUse,
            () => fixture.Stack(account, stack).DisassociateFleetAsync(new DisassociateFleetRequest { FleetName = fleet, StackName = stack }));

        await fixture.ActAsync(account, fleet, session.Id, UserAction.LogOut);
        await fixture.Stack(account, stack).DisassociateFleetAsync(new DisassociateFleetRequest { FleetName = fleet, StackName = stack });
        await fixture.Stack(account, stack).DeleteAsync();
        await Expect.Refused(AppStreamErrorCode.ResourceNotFound, () => fixture.Stack(account, stack).DescribeAsync());
        Assert.DoesNotContain(stack, await fixture.Grains.GetGrain<IAccountGrain>(account).ListNamesAsync(Region, ResourceKind.Stack));
    }

    [Fact]
    public async Task A_streaming_URL_is_for_the_stacks_fleet_while_it_runs_and_is_valid_60_seconds_unless_asked()
    {
        var account = TestAccounts.NewAccount();
        var (fleet, stack) = await fixture.NewStreamingFleetAsync(account);
        var other = await fixture.NewFleetAsync(account);
        var now = await fixture.Clock.GetNowAsync();

        var url = await fixture.Stack(account, stack).CreateStreamingUrlAsync(new CreateStreamingURLRequest { StackName = stack, FleetName = fleet, UserId = "olga" });
        Assert.Equal(now + TimeSpan.FromSeconds(60), url.Expires);
        Assert.StartsWith($"https://appstream2.{Region}.aws.amazon.com/authenticate?parameters=", url.StreamingURL);
        var token = StreamingUrls.TokenOf(url.StreamingURL);
        Assert.DoesNotContain(account, token);
        var connected = (await fixture.Grains.ConnectAsync(url.StreamingURL)).Session;
        Assert.Equal((stack, fleet, "olga"), (connected.StackName, connected.FleetName, connected.UserId));
        await fixture.ActAsync(account, fleet, connected.Id, UserAction.LogOut);

        await Expect.Refused(AppStreamErrorCode.InvalidParameterCombination,
            () => fixture.Stack(account, stack).CreateStreamingUrlAsync(new CreateStreamingURLRequest { StackName = stack, FleetName = other, UserId = "olga" }));
        await Expect.Refused(AppStreamErrorCode.ResourceNotFound,
            () => fixture.Stack(account, "no-such-stack").CreateStreamingUrlAsync(new CreateStreamingURLRequest { StackName = "no-such-stack", FleetName = fleet, UserId = "olga" }));

        await fixture.Fleet(account, fleet).StopAsync();
        await Expect.Refused(AppStreamErrorCode.ResourceNotAvailable,
            () => fixture.Stack(account, stack).CreateStreamingUrlAsync(new CreateStreamingURLRequest { StackName = stack, FleetName = fleet, UserId = "olga" }));
    }
}
