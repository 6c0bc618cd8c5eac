using RegionSim.Accounts;
using RegionSim.Errors;
using RegionSim.Images;
using RegionSim.Tests.Infrastructure;

namespace RegionSim.Tests.Images;

[Collection(ClusterCollection.Name)]
public sealed class ImagePermissionsTests(ClusterFixture fixture)
{
    private const string Region = ImageSetup.Region;

    private Task ShareAsync(string owner, string image, string? recipient, bool allowFleet, bool allowImageBuilder) =>
        fixture.Grains.GetImage(Region, owner, image).UpdatePermissionsAsync(owner, new UpdateImagePermissionsRequest
        {
            Name = image,
            SharedAccountId = recipient,
            ImagePermissions = new ImagePermissions { AllowFleet = allowFleet, AllowImageBuilder = allowImageBuilder },
        });

    private async Task<Image?> SharedWithAsync(string recipient, string image) =>
        (await fixture.Grains.GetGrain<IAccountGrain>(recipient).GetImageRegistryAsync(Region)).SharedWithMe.SingleOrDefault(i => i.Name == image);

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public async Task The_recipient_sees_exactly_the_permissions_granted(bool allowFleet, bool allowImageBuilder)
    {
        var (owner, recipient) = (TestAccounts.NewAccount(), TestAccounts.NewAccount());
        var image = await fixture.NewAvailableImageAsync(owner);
        await ShareAsync(owner, image, recipient, allowFleet, allowImageBuilder);

        var seen = await SharedWithAsync(recipient, image);
        Assert.NotNull(seen);
        Assert.Equal(new ImagePermissions { AllowFleet = allowFleet, AllowImageBuilder = allowImageBuilder }, seen.ImagePermissions);
        var permissions = await fixture.Grains.GetImage(Region, owner, image).DescribePermissionsAsync(owner, new DescribeImagePermissionsRequest { Name = image });
        var entry = Assert.Single(permissions.SharedImagePermissionsList);
        Assert.Equal(recipient, entry.SharedAccountId);
        Assert.Equal(seen.ImagePermissions, entry.ImagePermissions);
        Assert.Equal("TRUE", (await fixture.DescribeAsync(owner, Region, owner, image)).ImageSharedWithOthers);
    }

    [Fact]
    public async Task Both_permissions_off_means_not_shared()
    {
        var (owner, recipient) = (TestAccounts.NewAccount(), TestAccounts.NewAccount());
        var image = await fixture.NewAvailableImageAsync(owner);
        await ShareAsync(owner, image, recipient, false, false);
        Assert.Null(await SharedWithAsync(recipient, image));

        await ShareAsync(owner, image, recipient, true, false);
        await ShareAsync(owner, image, recipient, false, false);
        Assert.Null(await SharedWithAsync(recipient, image));
        Assert.Empty((await fixture.Grains.GetImage(Region, owner, image).DescribePermissionsAsync(owner, new DescribeImagePermissionsRequest { Name = image })).SharedImagePermissionsList);
        await Expect.Refused(AppStreamErrorCode.ResourceNotFound, () => fixture.DescribeAsync(recipient, Region, owner, image));
    }

    [Fact]
    public async Task Updating_changes_what_the_recipient_may_do()
    {
        var (owner, recipient) = (TestAccounts.NewAccount(), TestAccounts.NewAccount());
        var image = await fixture.NewAvailableImageAsync(owner);
        await ShareAsync(owner, image, recipient, true, false);
        await ShareAsync(owner, image, recipient, false, true);
        Assert.Equal(new ImagePermissions { AllowImageBuilder = true }, (await SharedWithAsync(recipient, image))!.ImagePermissions);
    }

    [Fact]
    public async Task Deleting_permissions_removes_the_image_from_the_recipients_view()
    {
        var (owner, recipient, bystander) = (TestAccounts.NewAccount(), TestAccounts.NewAccount(), TestAccounts.NewAccount());
        var image = await fixture.NewAvailableImageAsync(owner);
        await ShareAsync(owner, image, recipient, true, true);
        await ShareAsync(owner, image, bystander, true, false);

        await fixture.Grains.GetImage(Region, owner, image).DeletePermissionsAsync(owner, new DeleteImagePermissionsRequest { Name = image, SharedAccountId = recipient });
        Assert.Null(await SharedWithAsync(recipient, image));
        Assert.NotNull(await SharedWithAsync(bystander, image));
        await Expect.Refused(AppStreamErrorCode.ResourceNotFound,
            () => fixture.Grains.GetImage(Region, owner, image).DeletePermissionsAsync(owner, new DeleteImagePermissionsRequest { Name = image, SharedAccountId = recipient }));
    }

    [Fact]
    public async Task An_image_is_shared_with_at_most_100_accounts()
    {
        var owner = TestAccounts.NewAccount();
        var image = await fixture.NewAvailableImageAsync(owner);
        foreach (var recipient in TestAccounts.NewAccounts(100))
        {
            await ShareAsync(owner, image, recipient, true, false);
        }

        var error = await Expect.Refused(AppStreamErrorCode.LimitExceeded, () => ShareAsync(owner, image, TestAccounts.NewAccount(), true, false));
        Assert.Contains("100", error.Message);

        var firstPage = await fixture.Grains.GetImage(Region, owner, image).DescribePermissionsAsync(owner, new DescribeImagePermissionsRequest { Name = image, MaxResults = 60 });
        Assert.Equal(60, firstPage.SharedImagePermissionsList.Count);
        var lastPage = await fixture.Grains.GetImage(Region, owner, image).DescribePermissionsAsync(owner, new DescribeImagePermissionsRequest { Name = image, MaxResults = 60, NextToken = firstPage.NextToken });
        Assert.Equal(40, lastPage.SharedImagePermissionsList.Count);
        Assert.Null(lastPage.NextToken);
    }

    [Fact]
    public async Task DescribeImagePermissions_filters_by_account()
    {
        var owner = TestAccounts.NewAccount();
        var recipients = TestAccounts.NewAccounts(3);
        var image = await fixture.NewAvailableImageAsync(owner);
        foreach (var recipient in recipients)
        {
            await ShareAsync(owner, image, recipient, true, false);
        }

        var filtered = await fixture.Grains.GetImage(Region, owner, image).DescribePermissionsAsync(owner,
            new DescribeImagePermissionsRequest { Name = image, SharedAwsAccountIds = [recipients[2]] });
        Assert.Equal([recipients[2]], filtered.SharedImagePermissionsList.Select(p => p.SharedAccountId));
        await Expect.Refused(AppStreamErrorCode.Validation, () => fixture.Grains.GetImage(Region, owner, image).DescribePermissionsAsync(owner,
            new DescribeImagePermissionsRequest { Name = image, SharedAwsAccountIds = TestAccounts.NewAccounts(6) }));
        await Expect.Refused(AppStreamErrorCode.ResourceNotFound, () => fixture.Grains.GetImage(Region, owner, image).DescribePermissionsAsync(recipients[0],
            new DescribeImagePermissionsRequest { Name = image }));
    }

    [Theory]
    [InlineData("12345678901")]
    [InlineData("1234567890123")]
    [InlineData("12345678901a")]
    [InlineData("")]
    [InlineData(null)]
    public async Task Account_ids_that_are_not_12_digits_are_refused(string? recipient)
    {
        var owner = TestAccounts.NewAccount();
        var image = await fixture.NewAvailableImageAsync(owner);
        var error = await Expect.Refused(AppStreamErrorCode.Validation, () => ShareAsync(owner, image, recipient, true, true));
        Assert.Contains("SharedAccountId", error.Message);
        Assert.Empty((await fixture.Grains.GetImage(Region, owner, image).DescribePermissionsAsync(owner, new DescribeImagePermissionsRequest { Name = image })).SharedImagePermissionsList);
    }

    [Fact]
    public async Task An_image_is_not_shared_with_its_owner()
    {
        var owner = TestAccounts.NewAccount();
        var image = await fixture.NewAvailableImageAsync(owner);
        var error = await Expect.Refused(AppStreamErrorCode.Validation, () => ShareAsync(owner, image, owner, true, true));
        Assert.Contains("owns", error.Message);
    }

    [Fact]
    public async Task Public_and_shared_with_me_images_cannot_be_shared()
    {
        var (owner, recipient, third) = (TestAccounts.NewAccount(), TestAccounts.NewAccount(), TestAccounts.NewAccount());
        var image = await fixture.NewAvailableImageAsync(owner);
        await ShareAsync(owner, image, recipient, true, true);

        var publicShare = await Expect.Refused(AppStreamErrorCode.ResourceNotFound, () => ShareAsync(recipient, ImageSetup.BaseImage, third, true, true));
        Assert.Contains("public image", publicShare.Message);
        await Expect.Refused(AppStreamErrorCode.ResourceNotFound, () => ShareAsync(recipient, image, third, true, true));
        await Expect.Refused(AppStreamErrorCode.ResourceNotFound,
            () => fixture.Grains.GetImage(Region, owner, image).UpdatePermissionsAsync(recipient, new UpdateImagePermissionsRequest
            {
                Name = image, SharedAccountId = third, ImagePermissions = new ImagePermissions { AllowFleet = true },
            }));
        Assert.Null(await SharedWithAsync(third, image));
    }

    [Fact]
    public async Task Sharing_stays_within_the_region()
    {
        var (owner, recipient) = (TestAccounts.NewAccount(), TestAccounts.NewAccount());
        var image = await fixture.NewAvailableImageAsync(owner);
        await ShareAsync(owner, image, recipient, true, true);
        var elsewhere = await fixture.Grains.GetGrain<IAccountGrain>(recipient).GetImageRegistryAsync(ImageSetup.OtherRegion);
        Assert.Empty(elsewhere.SharedWithMe);
    }

    [Fact]
    public async Task Only_an_AVAILABLE_image_can_be_shared()
    {
        var owner = TestAccounts.NewAccount();
        var image = await fixture.NewPendingImageAsync(owner);
        await Expect.Refused(AppStreamErrorCode.ResourceNotAvailable, () => ShareAsync(owner, image, TestAccounts.NewAccount(), true, false));
    }

    [Fact]
    public async Task ImagePermissions_is_required()
    {
        var owner = TestAccounts.NewAccount();
        var image = await fixture.NewAvailableImageAsync(owner);
        var error = await Expect.Refused(AppStreamErrorCode.Validation, () => fixture.Grains.GetImage(Region, owner, image).UpdatePermissionsAsync(owner,
            new UpdateImagePermissionsRequest { Name = image, SharedAccountId = TestAccounts.NewAccount() }));
        Assert.Contains("ImagePermissions", error.Message);
    }
}
