using RegionSim.Accounts;
using RegionSim.Errors;
using RegionSim.Images;
using RegionSim.Regions;
using RegionSim.Resources;
using RegionSim.Tests.Infrastructure;

namespace RegionSim.Tests.Images;

[Collection(ClusterCollection.Name)]
public sealed class ImageRegistryTests(ClusterFixture fixture)
{
    private const string Region = ImageSetup.Region;

    private IAccountGrain Account(string id) => fixture.Grains.GetGrain<IAccountGrain>(id);

    [Fact]
    public async Task Every_AppStream_region_shows_the_public_base_images_with_AWS_arns()
    {
        var account = TestAccounts.NewAccount();
        foreach (var region in AwsRegions.Codes)
        {
            var registry = await Account(account).GetImageRegistryAsync(region);
            Assert.Equal(BaseImageCatalog.Images.Count, registry.Public.Count);
            var image = Assert.Single(registry.Public, i => i.Name == "AppStream-WinServer2019-06-24-2019");
            Assert.Equal($"arn:aws:appstream:{region}::image/AppStream-WinServer2019-06-24-2019", image.Arn);
            Assert.Equal(VisibilityType.Public, image.Visibility);
            Assert.Equal(ImageState.Available, image.State);
            Assert.Equal(PlatformType.WindowsServer2019, image.Platform);
            Assert.Equal(new DateTimeOffset(2019, 6, 24, 0, 0, 0, TimeSpan.Zero), image.PublicBaseImageReleasedDate);
            Assert.Empty(registry.Private);
            Assert.Empty(registry.SharedWithMe);
        }
    }

    [Fact]
    public async Task An_unknown_region_is_refused_by_name()
    {
        var error = await Expect.Refused(AppStreamErrorCode.Validation,
            () => Account(TestAccounts.NewAccount()).DescribeImagesAsync("us-north-9", new DescribeImagesRequest()));
        Assert.Contains("us-north-9", error.Message);
    }

    [Fact]
    public async Task The_four_views_separate_public_private_shared_with_others_and_shared_with_me()
    {
        var (owner, recipient) = (TestAccounts.NewAccount(), TestAccounts.NewAccount());
        var kept = await fixture.NewAvailableImageAsync(owner);
        var shared = await fixture.NewAvailableImageAsync(owner);
        await fixture.Grains.GetImage(Region, owner, shared).UpdatePermissionsAsync(owner, new UpdateImagePermissionsRequest
        {
            Name = shared, SharedAccountId = recipient, ImagePermissions = new ImagePermissions { AllowFleet = true },
        });

        var mine = await Account(owner).GetImageRegistryAsync(Region);
        Assert.Equal([kept], mine.Private.Select(i => i.Name));
        Assert.Equal([shared], mine.SharedWithOthers.Select(i => i.Name));
        Assert.Empty(mine.SharedWithMe);

        var theirs = await Account(recipient).GetImageRegistryAsync(Region);
        Assert.Empty(theirs.Private);
        var received = Assert.Single(theirs.SharedWithMe);
        Assert.Equal(shared, received.Name);
        Assert.Equal(VisibilityType.Shared, received.Visibility);
        Assert.Equal(new ImagePermissions { AllowFleet = true, AllowImageBuilder = false }, received.ImagePermissions);
    }

    [Fact]
    public async Task DescribeImages_filters_by_type()
    {
        var (owner, recipient) = (TestAccounts.NewAccount(), TestAccounts.NewAccount());
        var image = await fixture.NewAvailableImageAsync(owner);
        var mine = await fixture.NewAvailableImageAsync(recipient);
        await fixture.Grains.GetImage(Region, owner, image).UpdatePermissionsAsync(owner, new UpdateImagePermissionsRequest
        {
            Name = image, SharedAccountId = recipient, ImagePermissions = new ImagePermissions { AllowImageBuilder = true },
        });

        var publicOnly = await DescribeAllAsync(recipient, new DescribeImagesRequest { Type = VisibilityType.Public });
        Assert.All(publicOnly, i => Assert.Equal(VisibilityType.Public, i.Visibility));
        Assert.Equal(BaseImageCatalog.Images.Count, publicOnly.Count);
        Assert.Equal([mine], (await DescribeAllAsync(recipient, new DescribeImagesRequest { Type = VisibilityType.Private })).Select(i => i.Name));
        Assert.Equal([image], (await DescribeAllAsync(recipient, new DescribeImagesRequest { Type = VisibilityType.Shared })).Select(i => i.Name));
        Assert.Equal(BaseImageCatalog.Images.Count + 2, (await DescribeAllAsync(recipient, new DescribeImagesRequest())).Count);
    }

    [Fact]
    public async Task DescribeImages_pages_at_most_25_and_the_last_page_carries_no_token()
    {
        var account = TestAccounts.NewAccount();
        for (var i = 0; i < 12; i++)
        {
            await fixture.NewPendingImageAsync(account);
        }

        var total = BaseImageCatalog.Images.Count + 12;
        var first = await Account(account).DescribeImagesAsync(Region, new DescribeImagesRequest());
        Assert.Equal(25, first.Images.Count);
        Assert.NotNull(first.NextToken);
        var second = await Account(account).DescribeImagesAsync(Region, new DescribeImagesRequest { NextToken = first.NextToken });
        Assert.Equal(total - 25, second.Images.Count);
        Assert.Null(second.NextToken);
        Assert.Equal(total, first.Images.Concat(second.Images).Select(i => i.Arn).Distinct().Count());

        var pages = 0;
        string? token = null;
        do
        {
            var page = await Account(account).DescribeImagesAsync(Region, new DescribeImagesRequest { MaxResults = 5, NextToken = token });
            Assert.InRange(page.Images.Count, 1, 5);
            token = page.NextToken;
            pages++;
        }
        while (token is not null);
        Assert.Equal((total + 4) / 5, pages);
    }

    [Theory]
    [InlineData(26)]
    [InlineData(-1)]
    public async Task MaxResults_outside_0_to_25_is_refused(int maxResults)
    {
        var error = await Expect.Refused(AppStreamErrorCode.Validation,
            () => Account(TestAccounts.NewAccount()).DescribeImagesAsync(Region, new DescribeImagesRequest { MaxResults = maxResults }));
        Assert.Contains("MaxResults", error.Message);
    }

    [Fact]
    public async Task A_token_this_simulator_did_not_issue_is_refused()
    {
        var error = await Expect.Refused(AppStreamErrorCode.Validation,
            () => Account(TestAccounts.NewAccount()).DescribeImagesAsync(Region, new DescribeImagesRequest { NextToken = "not-a-token" }));
        Assert.Contains("NextToken", error.Message);
    }

    [Fact]
    public async Task Names_find_public_and_own_images_and_an_unknown_name_is_not_found()
    {
        var account = TestAccounts.NewAccount();
        var mine = await fixture.NewAvailableImageAsync(account);
        var found = await Account(account).DescribeImagesAsync(Region, new DescribeImagesRequest { Names = [mine, ImageSetup.BaseImage] });
        Assert.Equal([mine, ImageSetup.BaseImage], found.Images.Select(i => i.Name));
        Assert.Equal([VisibilityType.Private, VisibilityType.Public], found.Images.Select(i => i.Visibility!.Value));

        await Expect.Refused(AppStreamErrorCode.ResourceNotFound,
            () => Account(account).DescribeImagesAsync(Region, new DescribeImagesRequest { Names = ["no-such-image"] }));
        await Expect.Refused(AppStreamErrorCode.Validation,
            () => Account(account).DescribeImagesAsync(Region, new DescribeImagesRequest { Names = ["bad name!"] }));
    }

    [Fact]
    public async Task Arns_find_shared_images_and_not_other_accounts_private_ones()
    {
        var (owner, recipient, stranger) = (TestAccounts.NewAccount(), TestAccounts.NewAccount(), TestAccounts.NewAccount());
        var image = await fixture.NewAvailableImageAsync(owner);
        var arn = new ResourceKey(Region, owner, image).Arn(ResourceKind.Image);
        await fixture.Grains.GetImage(Region, owner, image).UpdatePermissionsAsync(owner, new UpdateImagePermissionsRequest
        {
            Name = image, SharedAccountId = recipient, ImagePermissions = new ImagePermissions { AllowFleet = true },
        });

        var found = await Account(recipient).DescribeImagesAsync(Region, new DescribeImagesRequest { Arns = [arn] });
        Assert.Equal(VisibilityType.Shared, Assert.Single(found.Images).Visibility);
        await Expect.Refused(AppStreamErrorCode.ResourceNotFound,
            () => Account(stranger).DescribeImagesAsync(Region, new DescribeImagesRequest { Arns = [arn] }));
        await Expect.Refused(AppStreamErrorCode.ResourceNotFound,
            () => fixture.Grains.GetImage(Region, owner, image).DescribeAsync(stranger));
    }

    [Fact]
    public async Task Names_and_Arns_together_are_an_invalid_combination()
    {
        await Expect.Refused(AppStreamErrorCode.InvalidParameterCombination,
            () => Account(TestAccounts.NewAccount()).DescribeImagesAsync(Region, new DescribeImagesRequest
            {
                Names = [ImageSetup.BaseImage],
                Arns = [ResourceKey.Public(Region, ImageSetup.BaseImage).Arn(ResourceKind.Image)],
            }));
    }

    [Fact]
    public async Task Images_are_regional()
    {
        var account = TestAccounts.NewAccount();
        var image = await fixture.NewAvailableImageAsync(account);
        var elsewhere = await Account(account).GetImageRegistryAsync(ImageSetup.OtherRegion);
        Assert.DoesNotContain(elsewhere.Private, i => i.Name == image);
    }

    private async Task<List<Image>> DescribeAllAsync(string account, DescribeImagesRequest request)
    {
        var all = new List<Image>();
        string? token = null;
        do
        {
            var page = await Account(account).DescribeImagesAsync(Region, request with { NextToken = token });
            all.AddRange(page.Images);
            token = page.NextToken;
        }
        while (token is not null);
        return all;
    }
}
