using RegionSim.Accounts;
using RegionSim.Errors;
using RegionSim.Images;
using RegionSim.Tests.Infrastructure;

namespace RegionSim.Tests.Images;

[Collection(ClusterCollection.Name)]
public sealed class CopyImageTests(ClusterFixture fixture)
{
    private const string Region = ImageSetup.Region;
    private const string Destination = ImageSetup.OtherRegion;

    private Task<CopyImageResponse> CopyAsync(string caller, string source, string destinationName, string destinationRegion = Destination, string? description = null) =>
        fixture.Grains.GetImage(Region, caller, source, "SourceImageName").CopyAsync(caller, new CopyImageRequest
        {
            SourceImageName = source,
            DestinationImageName = destinationName,
            DestinationRegion = destinationRegion,
            DestinationImageDescription = description,
        });

    private async Task<TimeSpan> CopyTimeAsync() => (await fixture.Clock.GetTimingsAsync()).ImageCopy;

    [Fact]
    public async Task A_copy_is_COPYING_until_the_copy_time_has_passed_then_AVAILABLE_with_the_same_content()
    {
        var account = TestAccounts.NewAccount();
        var source = await fixture.NewAvailableImageAsync(account);
        var copy = TestAccounts.NewName("copy");

        var response = await CopyAsync(account, source, copy, description: "for Europe");
        Assert.Equal(copy, response.DestinationImageName);
        var copying = await fixture.DescribeAsync(account, Destination, account, copy);
        Assert.Equal(ImageState.Copying, copying.State);
        Assert.Equal($"arn:aws:appstream:{Destination}:{account}:image/{copy}", copying.Arn);
        Assert.Equal("for Europe", copying.Description);

        await fixture.AdvanceAsync(await CopyTimeAsync() - TimeSpan.FromSeconds(1));
        Assert.Equal(ImageState.Copying, (await fixture.DescribeAsync(account, Destination, account, copy)).State);
        await fixture.AdvanceAsync(TimeSpan.FromSeconds(1));
        var available = await fixture.DescribeAsync(account, Destination, account, copy);
        Assert.Equal(ImageState.Available, available.State);

        var original = await fixture.Grains.GetImage(Region, account, source).GetContentAsync(account);
        Assert.Equivalent(original, await fixture.Grains.GetImage(Destination, account, copy).GetContentAsync(account));
        Assert.Equal(ImageState.Available, (await fixture.DescribeAsync(account, Region, account, source)).State);
    }

    [Fact]
    public async Task Tags_and_sharing_are_not_copied()
    {
        var (account, recipient) = (TestAccounts.NewAccount(), TestAccounts.NewAccount());
        var source = await fixture.NewAvailableImageAsync(account);
        await fixture.Grains.GetImage(Region, account, source).UpdatePermissionsAsync(account, new UpdateImagePermissionsRequest
        {
            Name = source, SharedAccountId = recipient, ImagePermissions = new ImagePermissions { AllowFleet = true },
        });
        Assert.NotEmpty(await fixture.Grains.GetImage(Region, account, source).ListTagsAsync(account));

        var copy = TestAccounts.NewName("copy");
        await CopyAsync(account, source, copy, Region);
        await fixture.AdvanceAsync(await CopyTimeAsync());
        Assert.Empty(await fixture.Grains.GetImage(Region, account, copy).ListTagsAsync(account));
        Assert.Equal("FALSE", (await fixture.DescribeAsync(account, Region, account, copy)).ImageSharedWithOthers);
    }

    [Fact]
    public async Task A_copy_within_the_same_region_needs_a_new_name()
    {
        var account = TestAccounts.NewAccount();
        var source = await fixture.NewAvailableImageAsync(account);
        await Expect.Refused(AppStreamErrorCode.ResourceAlreadyExists, () => CopyAsync(account, source, source, Region));

        var copy = TestAccounts.NewName("copy");
        await CopyAsync(account, source, copy, Region);
        await Expect.Refused(AppStreamErrorCode.ResourceAlreadyExists, () => CopyAsync(account, source, copy, Region));
    }

    [Fact]
    public async Task At_most_two_copies_are_in_flight_to_one_region_per_account()
    {
        var account = TestAccounts.NewAccount();
        var source = await fixture.NewAvailableImageAsync(account);
        await CopyAsync(account, source, TestAccounts.NewName("a"));
        await CopyAsync(account, source, TestAccounts.NewName("b"));

        var refused = await Expect.Refused(AppStreamErrorCode.LimitExceeded, () => CopyAsync(account, source, TestAccounts.NewName("c")));
        Assert.Contains(Destination, refused.Message);
        await CopyAsync(account, source, TestAccounts.NewName("elsewhere"), "ap-northeast-1");
        var other = TestAccounts.NewAccount();
        await CopyAsync(other, await fixture.NewAvailableImageAsync(other), TestAccounts.NewName("other"));

        await fixture.AdvanceAsync(await CopyTimeAsync());
        Assert.Equal(0, await fixture.Grains.GetGrain<IAccountGrain>(account).GetCopiesInFlightAsync(Destination));
        await CopyAsync(account, source, TestAccounts.NewName("d"));
    }

    [Fact]
    public async Task Two_copies_racing_for_one_destination_name_leave_one_image()
    {
        var account = TestAccounts.NewAccount();
        var (first, second) = (await fixture.NewAvailableImageAsync(account), await fixture.NewAvailableImageAsync(account));
        var target = TestAccounts.NewName("race");

        var outcomes = await Task.WhenAll(
            Outcome(CopyAsync(account, first, target)),
            Outcome(CopyAsync(account, second, target)));

        Assert.Single(outcomes, o => o is null);
        Assert.Single(outcomes, o => o == AppStreamErrorCode.ResourceAlreadyExists);
        Assert.Equal(1, (await fixture.Grains.GetGrain<IAccountGrain>(account).ListNamesAsync(Destination, Resources.ResourceKind.Image)).Count(n => n == target));
        Assert.Equal(1, await fixture.Grains.GetGrain<IAccountGrain>(account).GetCopiesInFlightAsync(Destination));
    }

    [Fact]
    public async Task Only_an_AVAILABLE_image_can_be_copied()
    {
        var account = TestAccounts.NewAccount();
        var pending = await fixture.NewPendingImageAsync(account);
        var error = await Expect.Refused(AppStreamErrorCode.ResourceNotAvailable, () => CopyAsync(account, pending, TestAccounts.NewName()));
        Assert.Contains("PENDING", error.Message);
    }

    [Fact]
    public async Task Public_shared_and_other_accounts_images_cannot_be_copied()
    {
        var (owner, recipient) = (TestAccounts.NewAccount(), TestAccounts.NewAccount());
        var image = await fixture.NewAvailableImageAsync(owner);
        await fixture.Grains.GetImage(Region, owner, image).UpdatePermissionsAsync(owner, new UpdateImagePermissionsRequest
        {
            Name = image, SharedAccountId = recipient, ImagePermissions = new ImagePermissions { AllowFleet = true, AllowImageBuilder = true },
        });

        var publicCopy = await Expect.Refused(AppStreamErrorCode.ResourceNotFound, () => CopyAsync(recipient, ImageSetup.BaseImage, TestAccounts.NewName()));
        Assert.Contains("public image", publicCopy.Message);
        await Expect.Refused(AppStreamErrorCode.ResourceNotFound, () => CopyAsync(recipient, image, TestAccounts.NewName()));
        await Expect.Refused(AppStreamErrorCode.ResourceNotFound,
            () => fixture.Grains.GetImage(Region, owner, image).CopyAsync(recipient, new CopyImageRequest
            {
                SourceImageName = image, DestinationImageName = TestAccounts.NewName(), DestinationRegion = Destination,
            }));
        Assert.Empty((await fixture.Grains.GetGrain<IAccountGrain>(recipient).GetImageRegistryAsync(Destination)).Private);
    }

    [Theory]
    [InlineData("bad name", "eu-west-1", "DestinationImageName")]
    [InlineData("-leading-dash", "eu-west-1", "DestinationImageName")]
    [InlineData("ok-name", "mars-north-1", "DestinationRegion")]
    [InlineData("ok-name", null, "DestinationRegion")]
    public async Task Bad_destinations_are_refused_naming_the_member(string name, string? region, string member)
    {
        var account = TestAccounts.NewAccount();
        var source = await fixture.NewAvailableImageAsync(account);
        var error = await Expect.Refused(AppStreamErrorCode.Validation, () => CopyAsync(account, source, name, region!));
        Assert.Contains(member, error.Message);
        Assert.Equal(0, await fixture.Grains.GetGrain<IAccountGrain>(account).GetCopiesInFlightAsync(Destination));
    }

    [Fact]
    public async Task A_description_over_256_characters_is_refused()
    {
        var account = TestAccounts.NewAccount();
        var source = await fixture.NewAvailableImageAsync(account);
        await Expect.Refused(AppStreamErrorCode.Validation, () => CopyAsync(account, source, TestAccounts.NewName(), description: new string('x', 257)));
    }

    private static async Task<AppStreamErrorCode?> Outcome(Task call)
    {
        try
        {
            await call;
            return null;
        }
        catch (AppStreamException error)
        {
            return error.Code;
        }
    }
}
