using RegionSim.Accounts;
using RegionSim.Errors;
using RegionSim.Images;
using RegionSim.Regions;
using RegionSim.Tests.Infrastructure;

namespace RegionSim.Tests.ImageBuilders;

/// <summary>Managed image updates: CreateUpdatedImage.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CreateUpdatedImageTests(ClusterFixture fixture)
{
    private const string Region = ImageBuilderSetup.Region;

    private Task<CreateUpdatedImageResponse> UpdateAsync(string caller, string owner, string existing, string newName, bool? dryRun = null) =>
        fixture.Grains.GetImage(Region, owner, existing, "existingImageName").CreateUpdatedAsync(caller, new CreateUpdatedImageRequest
        {
            ExistingImageName = existing, NewImageName = newName, DryRun = dryRun, NewImageDescription = "updated", NewImageTags = new Dictionary<string, string> { ["k"] = "v" },
        });

    [Fact]
    public async Task A_dry_run_answers_whether_updates_are_available_and_makes_nothing()
    {
        var account = TestAccounts.NewAccount();
        var old = await fixture.NewImageFromBaseAsync(account, ImageBuilderSetup.OldBaseImage);
        var response = await UpdateAsync(account, account, old, TestAccounts.NewName("new"), dryRun: true);
        Assert.True(response.CanUpdateImage);
        Assert.Null(response.Image);
        Assert.Equal(0, await fixture.Grains.GetGrain<IAccountGrain>(account).GetImageUpdatesInFlightAsync(Region));

        var recent = await fixture.NewImageFromBaseAsync(account, ImageSetup.BaseImage);
        Assert.False((await UpdateAsync(account, account, recent, TestAccounts.NewName("new"), dryRun: true)).CanUpdateImage);
        var first = await fixture.NewImageFromBaseAsync(account, "Base-Image-Builder-05-02-2017");
        Assert.False((await UpdateAsync(account, account, first, TestAccounts.NewName("new"), dryRun: true)).CanUpdateImage);
    }

    [Fact]
    public async Task An_update_makes_a_CREATING_then_AVAILABLE_image_with_the_latest_agent_and_OS_updates()
    {
        var account = TestAccounts.NewAccount();
        var old = await fixture.NewImageFromBaseAsync(account, "AppStream-WinServer2016-09-10-2019");
        var newName = TestAccounts.NewName("new");
        var now = await fixture.Clock.GetNowAsync();

        var response = await UpdateAsync(account, account, old, newName);
        Assert.True(response.CanUpdateImage);
        Assert.Equal(ImageState.Creating, response.Image!.State);
        Assert.Equal(newName, response.Image.Name);
        Assert.Equal("updated", response.Image.Description);
        Assert.Equal(1, await fixture.Grains.GetGrain<IAccountGrain>(account).GetImageUpdatesInFlightAsync(Region));

        var timing = (await fixture.TimingsAsync()).ManagedImageUpdate;
        await fixture.AdvanceAsync(timing - TimeSpan.FromSeconds(1));
        Assert.Equal(ImageState.Creating, (await fixture.DescribeAsync(account, Region, account, newName)).State);
        await fixture.AdvanceAsync(TimeSpan.FromSeconds(1));
        var updated = await fixture.DescribeAsync(account, Region, account, newName);
        Assert.Equal(ImageState.Available, updated.State);
        Assert.Equal(AgentReleaseCatalog.LatestAt(now).Version, updated.AppstreamAgentVersion);
        Assert.Equal(PlatformType.WindowsServer2016, updated.Platform);
        var content = await fixture.Grains.GetImage(Region, account, newName).GetContentAsync(account);
        Assert.Equal(now, content.OperatingSystemUpdatedOn);
        Assert.Equal(0, await fixture.Grains.GetGrain<IAccountGrain>(account).GetImageUpdatesInFlightAsync(Region));

        // The updated image has nothing more to update; the original is unchanged.
        Assert.False((await UpdateAsync(account, account, newName, TestAccounts.NewName("again"), dryRun: true)).CanUpdateImage);
        await Expect.Refused(AppStreamErrorCode.OperationNotPermitted, () => UpdateAsync(account, account, newName, TestAccounts.NewName("again")));
        Assert.Equal("09-10-2019", (await fixture.DescribeAsync(account, Region, account, old)).AppstreamAgentVersion);
    }

    [Fact]
    public async Task Images_from_base_images_before_2017_07_24_are_incompatible()
    {
        var account = TestAccounts.NewAccount();
        var first = await fixture.NewImageFromBaseAsync(account, "Base-Image-Builder-05-02-2017");
        var error = await Expect.Refused(AppStreamErrorCode.IncompatibleImage, () => UpdateAsync(account, account, first, TestAccounts.NewName("new")));
        Assert.Contains("2017-07-24", error.Message);

        var second = await fixture.NewImageFromBaseAsync(account, "Base-Image-Builder-07-24-2017");
        Assert.True((await UpdateAsync(account, account, second, TestAccounts.NewName("new"), dryRun: true)).CanUpdateImage);
    }

    [Fact]
    public async Task Only_an_own_AVAILABLE_image_is_updated()
    {
        var (owner, recipient) = (TestAccounts.NewAccount(), TestAccounts.NewAccount());
        var image = await fixture.NewImageFromBaseAsync(owner, ImageBuilderSetup.OldBaseImage);
        await fixture.ShareAsync(owner, image, recipient, true, true);
        await Expect.Refused(AppStreamErrorCode.ResourceNotFound, () => UpdateAsync(recipient, owner, image, TestAccounts.NewName("new")));
        await Expect.Refused(AppStreamErrorCode.ResourceNotFound, () => UpdateAsync(recipient, recipient, image, TestAccounts.NewName("new")));
        await Expect.Refused(AppStreamErrorCode.ResourceNotFound, () => UpdateAsync(owner, owner, ImageBuilderSetup.OldBaseImage, TestAccounts.NewName("new")));

        var pending = await fixture.NewPendingImageAsync(owner);
        await Expect.Refused(AppStreamErrorCode.OperationNotPermitted, () => UpdateAsync(owner, owner, pending, TestAccounts.NewName("new")));
    }

    [Fact]
    public async Task The_new_name_must_be_free()
    {
        var account = TestAccounts.NewAccount();
        var image = await fixture.NewImageFromBaseAsync(account, ImageBuilderSetup.OldBaseImage);
        var taken = await fixture.NewAvailableImageAsync(account);
        await Expect.Refused(AppStreamErrorCode.ResourceAlreadyExists, () => UpdateAsync(account, account, image, taken, dryRun: true));
        await Expect.Refused(AppStreamErrorCode.ResourceAlreadyExists, () => UpdateAsync(account, account, image, taken));
        await Expect.Refused(AppStreamErrorCode.ResourceAlreadyExists, () => UpdateAsync(account, account, image, image));
        Assert.Equal(0, await fixture.Grains.GetGrain<IAccountGrain>(account).GetImageUpdatesInFlightAsync(Region));
    }

    [Fact]
    public async Task At_most_five_updates_are_in_flight_per_account()
    {
        var (account, other) = (TestAccounts.NewAccount(), TestAccounts.NewAccount());
        var image = await fixture.NewImageFromBaseAsync(account, ImageBuilderSetup.OldBaseImage);
        for (var i = 0; i < 5; i++)
        {
            await UpdateAsync(account, account, image, TestAccounts.NewName("new"));
        }

        var refused = TestAccounts.NewName("sixth");
        var error = await Expect.Refused(AppStreamErrorCode.LimitExceeded, () => UpdateAsync(account, account, image, refused));
        Assert.Contains("5", error.Message);
        await Expect.Refused(AppStreamErrorCode.ResourceNotFound, () => fixture.DescribeAsync(account, Region, account, refused));

        var otherImage = await fixture.NewImageFromBaseAsync(other, ImageBuilderSetup.OldBaseImage);
        await UpdateAsync(other, other, otherImage, TestAccounts.NewName("new"));

        await fixture.AdvanceAsync((await fixture.TimingsAsync()).ManagedImageUpdate);
        await UpdateAsync(account, account, image, refused);
    }

    [Theory]
    [InlineData("bad name", "newImageName")]
    [InlineData("", "newImageName")]
    public async Task Bad_names_are_refused_naming_the_camelCase_member(string newName, string member)
    {
        var account = TestAccounts.NewAccount();
        var image = await fixture.NewImageFromBaseAsync(account, ImageBuilderSetup.OldBaseImage);
        var error = await Expect.Refused(AppStreamErrorCode.Validation, () => UpdateAsync(account, account, image, newName));
        Assert.Contains(member, error.Message);
        var description = await Expect.Refused(AppStreamErrorCode.Validation, () => fixture.Grains.GetImage(Region, account, image).CreateUpdatedAsync(account,
            new CreateUpdatedImageRequest { ExistingImageName = image, NewImageName = TestAccounts.NewName("n"), NewImageDescription = new string('d', 257) }));
        Assert.Contains("newImageDescription", description.Message);
    }

    [Fact]
    public void The_wire_members_are_camelCase()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(new CreateUpdatedImageResponse { CanUpdateImage = true }, Wire.AppStreamJson.Options);
        Assert.Equal("""{"canUpdateImage":true}""", json);
        var request = System.Text.Json.JsonSerializer.Deserialize<CreateUpdatedImageRequest>(
            """{"existingImageName":"a","newImageName":"b","dryRun":true}""", Wire.AppStreamJson.Options)!;
        Assert.Equal(("a", "b", true), (request.ExistingImageName, request.NewImageName, request.DryRun));
    }
}
