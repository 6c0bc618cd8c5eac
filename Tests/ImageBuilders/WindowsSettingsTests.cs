using RegionSim.Errors;
using RegionSim.ImageBuilders;
using RegionSim.Images;
using RegionSim.Tests.Infrastructure;

namespace RegionSim.Tests.ImageBuilders;

/// <summary>Windows Update, antivirus and Windows Defender on builders and in the images made on them.</summary>
[Collection(ClusterCollection.Name)]
public sealed class WindowsSettingsTests(ClusterFixture fixture)
{
    private const string Region = ImageBuilderSetup.Region;

    private async Task<(string Account, IImageBuilderGrain Builder)> RunningBuilderAsync(string image)
    {
        var account = TestAccounts.NewAccount();
        return (account, fixture.Builder(account, await fixture.NewRunningBuilderAsync(account, image)));
    }

    private async Task<string> CreateImageAsync(string account, IImageBuilderGrain builder, List<string>? warnings = null)
    {
        var name = TestAccounts.NewName("img");
        var result = await builder.CreateImageAsync(new ImageAssistantCreateImage { Name = name });
        Assert.Equal(0, result.Status);
        warnings?.AddRange(result.Warnings);
        await fixture.SettleAsync();
        Assert.Equal(ImageState.Available, (await fixture.DescribeAsync(account, Region, account, name)).State);
        return name;
    }

    [Fact]
    public async Task Windows_Update_is_off_on_base_images_and_creating_an_image_with_it_on_warns_and_turns_it_off()
    {
        var (account, builder) = await RunningBuilderAsync(ImageSetup.BaseImage);
        Assert.False((await builder.GetContentsAsync()).WindowsUpdateEnabled);
        await builder.SetWindowsUpdateAsync(true);

        var warnings = new List<string>();
        var image = await CreateImageAsync(account, builder, warnings);
        Assert.Contains(ImageBuilderGrain.WindowsUpdateWarning, warnings);
        Assert.False((await fixture.Grains.GetImage(Region, account, image).GetContentAsync(account)).WindowsUpdateEnabled);
        Assert.False((await builder.GetContentsAsync()).WindowsUpdateEnabled);

        await builder.StartAsync(new StartImageBuilderRequest { Name = (await builder.DescribeAsync()).Name });
        await fixture.SettleAsync();
        var quiet = new List<string>();
        await CreateImageAsync(account, builder, quiet);
        Assert.Empty(quiet);
    }

    [Fact]
    public async Task A_dry_run_warns_about_Windows_Update_too_but_changes_nothing()
    {
        var (_, builder) = await RunningBuilderAsync(ImageSetup.BaseImage);
        await builder.SetWindowsUpdateAsync(true);
        var result = await builder.CreateImageAsync(new ImageAssistantCreateImage { Name = TestAccounts.NewName("img"), DryRun = true });
        Assert.Equal([ImageBuilderGrain.WindowsUpdateWarning], result.Warnings);
        Assert.True((await builder.GetContentsAsync()).WindowsUpdateEnabled);
    }

    [Fact]
    public async Task Antivirus_with_automatic_updates_is_warned_about_when_installed_and_when_an_image_is_made()
    {
        var (account, builder) = await RunningBuilderAsync(ImageSetup.BaseImage);
        Assert.Empty(await builder.InstallAntivirusAsync(new Antivirus { Name = "Quiet AV" }));
        Assert.Equal([Antivirus.AutomaticUpdatesWarning], await builder.InstallAntivirusAsync(new Antivirus { Name = "Busy AV", AutomaticUpdates = true }));
        Assert.Contains("performance", Antivirus.AutomaticUpdatesWarning);
        Assert.Contains("do not persist", Antivirus.AutomaticUpdatesWarning);

        var warnings = new List<string>();
        var image = await CreateImageAsync(account, builder, warnings);
        Assert.Equal([Antivirus.AutomaticUpdatesWarning], warnings);
        Assert.Equal(new Antivirus { Name = "Busy AV", AutomaticUpdates = true }, (await fixture.Grains.GetImage(Region, account, image).GetContentAsync(account)).Antivirus);
    }

    [Theory]
    [InlineData("AppStream-WinServer2012R2-09-10-2019", false, null, false)]
    [InlineData("AppStream-WinServer2016-06-24-2019", true, 0, true)]
    [InlineData("AppStream-WinServer2019-06-24-2019", true, 0, true)]
    [InlineData("AppStream-WinServer2016-09-10-2019", true, 1, false)]
    [InlineData("AppStream-WinServer2019-10-08-2024", true, 1, false)]
    public async Task Windows_Defender_starts_as_the_base_image_ships_it(string baseImage, bool included, int? policy, bool running)
    {
        var (_, builder) = await RunningBuilderAsync(baseImage);
        var defender = (await builder.GetContentsAsync()).WindowsDefender;
        Assert.Equal(new WindowsDefender { Included = included, DisableAntiSpyware = policy, ServiceRunning = running }, defender);
        Assert.Equal(included && running, defender.Enabled);
    }

    [Fact]
    public async Task Windows_Defender_is_switched_on_by_setting_the_policy_to_0_then_starting_the_service()
    {
        var (account, builder) = await RunningBuilderAsync(ImageBuilderSetup.OldBaseImage);
        var blocked = await Expect.Refused(AppStreamErrorCode.OperationNotPermitted, () => builder.StartWindowsDefenderServiceAsync());
        Assert.Contains("DisableAntiSpyware", blocked.Message);

        await builder.SetDisableAntiSpywareAsync(0);
        Assert.False((await builder.GetContentsAsync()).WindowsDefender.Enabled);
        await builder.StartWindowsDefenderServiceAsync();
        Assert.True((await builder.GetContentsAsync()).WindowsDefender.Enabled);

        var image = await CreateImageAsync(account, builder);
        Assert.Equal(WindowsDefenderDefault.Enabled, (await fixture.Grains.GetImage(Region, account, image).GetContentAsync(account)).WindowsDefender);
        var next = fixture.Builder(account, await fixture.NewRunningBuilderAsync(account, image));
        Assert.True((await next.GetContentsAsync()).WindowsDefender.Enabled);
    }

    [Fact]
    public async Task An_image_made_with_Defender_off_records_it_off()
    {
        var (account, builder) = await RunningBuilderAsync(ImageBuilderSetup.OldBaseImage);
        var image = await CreateImageAsync(account, builder);
        Assert.Equal(WindowsDefenderDefault.Disabled, (await fixture.Grains.GetImage(Region, account, image).GetContentAsync(account)).WindowsDefender);
    }

    [Fact]
    public async Task After_a_reboot_the_service_runs_exactly_when_the_policy_allows_it()
    {
        var (_, builder) = await RunningBuilderAsync(ImageBuilderSetup.OldBaseImage);
        await builder.SetDisableAntiSpywareAsync(0);
        await builder.RebootAsync();
        Assert.Equal(ImageBuilderState.Rebooting, (await builder.DescribeAsync()).State);
        await Expect.Refused(AppStreamErrorCode.ConcurrentModification, () => builder.SetDisableAntiSpywareAsync(1));
        await fixture.AdvanceAsync((await fixture.TimingsAsync()).ImageBuilderReboot);
        Assert.Equal(ImageBuilderState.Running, (await builder.DescribeAsync()).State);
        Assert.True((await builder.GetContentsAsync()).WindowsDefender.Enabled);

        await builder.SetDisableAntiSpywareAsync(1);
        await builder.RebootAsync();
        await fixture.AdvanceAsync((await fixture.TimingsAsync()).ImageBuilderReboot);
        Assert.False((await builder.GetContentsAsync()).WindowsDefender.ServiceRunning);
    }

    [Fact]
    public async Task Windows_Server_2012_R2_has_no_Windows_Defender_to_switch_on()
    {
        var (_, builder) = await RunningBuilderAsync("AppStream-WinServer2012R2-09-10-2019");
        var error = await Expect.Refused(AppStreamErrorCode.OperationNotPermitted, () => builder.SetDisableAntiSpywareAsync(0));
        Assert.Contains("2012 R2", error.Message);
        await Expect.Refused(AppStreamErrorCode.OperationNotPermitted, () => builder.StartWindowsDefenderServiceAsync());
    }

    [Theory]
    [InlineData(2)]
    [InlineData(-1)]
    public async Task The_policy_is_0_or_1(int value)
    {
        var (_, builder) = await RunningBuilderAsync(ImageBuilderSetup.OldBaseImage);
        await Expect.Refused(AppStreamErrorCode.Validation, () => builder.SetDisableAntiSpywareAsync(value));
    }

    [Fact]
    public async Task Installing_Windows_updates_goes_UPDATING_then_REBOOTING_then_RUNNING_with_the_OS_up_to_date()
    {
        var (_, builder) = await RunningBuilderAsync(ImageBuilderSetup.OldBaseImage);
        var timings = await fixture.TimingsAsync();
        await builder.InstallWindowsUpdatesAsync();
        Assert.Equal(ImageBuilderState.Updating, (await builder.DescribeAsync()).State);
        await fixture.AdvanceAsync(timings.ImageBuilderWindowsUpdate);
        var updatedOn = await fixture.Clock.GetNowAsync();
        Assert.Equal(ImageBuilderState.Rebooting, (await builder.DescribeAsync()).State);
        await fixture.AdvanceAsync(timings.ImageBuilderReboot);
        Assert.Equal(ImageBuilderState.Running, (await builder.DescribeAsync()).State);
        Assert.Equal(updatedOn, (await builder.GetContentsAsync()).OperatingSystemUpdatedOn);
    }

    [Fact]
    public async Task Linux_builders_have_no_Windows_Update()
    {
        var (_, builder) = await RunningBuilderAsync("AppStream-AmazonLinux2-09-21-2023");
        await Expect.Refused(AppStreamErrorCode.OperationNotPermitted, () => builder.SetWindowsUpdateAsync(true));
        await Expect.Refused(AppStreamErrorCode.Validation, () => builder.InstallFilesAsync(new Dictionary<string, string> { [@"C:\x.exe"] = "" }));
    }
}
