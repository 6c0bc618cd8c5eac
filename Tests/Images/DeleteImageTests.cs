using RegionSim.Accounts;
using RegionSim.Errors;
using RegionSim.Images;
using RegionSim.Resources;
using RegionSim.Tests.Infrastructure;

namespace RegionSim.Tests.Images;

[Collection(ClusterCollection.Name)]
public sealed class DeleteImageTests(ClusterFixture fixture)
{
    private const string Region = ImageSetup.Region;

    private IImageGrain Image(string owner, string name) => fixture.Grains.GetImage(Region, owner, name);

    private async Task<TimeSpan> DeletionTimeAsync() => (await fixture.Clock.GetTimingsAsync()).ImageDeletion;

    [Fact]
    public async Task A_private_image_goes_DELETING_then_is_gone_and_its_name_is_free_again()
    {
        var account = TestAccounts.NewAccount();
        var name = await fixture.NewAvailableImageAsync(account);

        var deleting = await Image(account, name).DeleteAsync(account);
        Assert.Equal(ImageState.Deleting, deleting.State);
        Assert.Equal(ImageState.Deleting, (await fixture.DescribeAsync(account, Region, account, name)).State);

        await fixture.AdvanceAsync(await DeletionTimeAsync());
        await Expect.Refused(AppStreamErrorCode.ResourceNotFound, () => fixture.DescribeAsync(account, Region, account, name));
        Assert.DoesNotContain(name, await fixture.Grains.GetGrain<IAccountGrain>(account).ListNamesAsync(Region, ResourceKind.Image));

        await fixture.NewAvailableImageAsync(account, name: name);
        Assert.Equal(ImageState.Available, (await fixture.DescribeAsync(account, Region, account, name)).State);
    }

    [Fact]
    public async Task An_image_shared_with_any_account_cannot_be_deleted_until_every_permission_is_removed()
    {
        var (owner, first, second) = (TestAccounts.NewAccount(), TestAccounts.NewAccount(), TestAccounts.NewAccount());
        var name = await fixture.NewAvailableImageAsync(owner);
        foreach (var recipient in new[] { first, second })
        {
            await Image(owner, name).UpdatePermissionsAsync(owner, new UpdateImagePermissionsRequest
            {
                Name = name, SharedAccountId = recipient, ImagePermissions = new ImagePermissions { AllowImageBuilder = true },
            });
        }

        var refused = await Expect.Refused(AppStreamErrorCode.ResourceInUse, () => Image(owner, name).DeleteAsync(owner));
        Assert.Contains(first, refused.Message);
        await Image(owner, name).DeletePermissionsAsync(owner, new DeleteImagePermissionsRequest { Name = name, SharedAccountId = first });
        await Expect.Refused(AppStreamErrorCode.ResourceInUse, () => Image(owner, name).DeleteAsync(owner));
        Assert.Equal(ImageState.Available, (await fixture.DescribeAsync(owner, Region, owner, name)).State);

        await Image(owner, name).DeletePermissionsAsync(owner, new DeleteImagePermissionsRequest { Name = name, SharedAccountId = second });
        Assert.Equal(ImageState.Deleting, (await Image(owner, name).DeleteAsync(owner)).State);
    }

    [Fact]
    public async Task Only_the_owner_deletes_and_public_images_are_never_deleted()
    {
        var (owner, other) = (TestAccounts.NewAccount(), TestAccounts.NewAccount());
        var name = await fixture.NewAvailableImageAsync(owner);
        await Expect.Refused(AppStreamErrorCode.ResourceNotFound, () => Image(owner, name).DeleteAsync(other));
        await Expect.Refused(AppStreamErrorCode.ResourceNotFound, () => Image(other, name).DeleteAsync(other));

        var publicImage = await Expect.Refused(AppStreamErrorCode.ResourceNotFound, () => Image(other, ImageSetup.BaseImage).DeleteAsync(other));
        Assert.Contains("public image", publicImage.Message);
        await Expect.Refused(AppStreamErrorCode.OperationNotPermitted,
            () => fixture.Grains.GetImage(ResourceKey.Public(Region, ImageSetup.BaseImage)).DeleteAsync(other));
    }

    [Fact]
    public async Task An_image_that_is_still_being_made_or_copied_cannot_be_deleted()
    {
        var account = TestAccounts.NewAccount();
        var pending = await fixture.NewPendingImageAsync(account);
        await Expect.Refused(AppStreamErrorCode.OperationNotPermitted, () => Image(account, pending).DeleteAsync(account));

        var source = await fixture.NewAvailableImageAsync(account);
        var copy = TestAccounts.NewName("copy");
        await Image(account, source).CopyAsync(account, new CopyImageRequest { SourceImageName = source, DestinationImageName = copy, DestinationRegion = Region });
        var error = await Expect.Refused(AppStreamErrorCode.OperationNotPermitted, () => Image(account, copy).DeleteAsync(account));
        Assert.Contains("COPYING", error.Message);
    }

    [Fact]
    public async Task Deleting_twice_is_refused_while_the_first_deletion_runs()
    {
        var account = TestAccounts.NewAccount();
        var name = await fixture.NewAvailableImageAsync(account);
        await Image(account, name).DeleteAsync(account);
        await Expect.Refused(AppStreamErrorCode.OperationNotPermitted, () => Image(account, name).DeleteAsync(account));
    }

    [Fact]
    public async Task A_delete_racing_a_share_never_leaves_a_deleting_image_shared()
    {
        for (var round = 0; round < 10; round++)
        {
            var (owner, recipient) = (TestAccounts.NewAccount(), TestAccounts.NewAccount());
            var name = await fixture.NewAvailableImageAsync(owner);
            var share = Image(owner, name).UpdatePermissionsAsync(owner, new UpdateImagePermissionsRequest
            {
                Name = name, SharedAccountId = recipient, ImagePermissions = new ImagePermissions { AllowFleet = true },
            });
            var delete = Image(owner, name).DeleteAsync(owner);
            var (shared, deleted) = (await Succeeded(share), await Succeeded(delete));

            Assert.True(shared ^ deleted, $"Round {round}: shared={shared}, deleted={deleted}; exactly one of them must win.");
            var seen = (await fixture.Grains.GetGrain<IAccountGrain>(recipient).GetImageRegistryAsync(Region)).SharedWithMe;
            Assert.Equal(shared, seen.Any(i => i.Name == name));
            Assert.Equal(deleted ? ImageState.Deleting : ImageState.Available, (await fixture.DescribeAsync(owner, Region, owner, name)).State);
        }
    }

    private static async Task<bool> Succeeded(Task call)
    {
        try
        {
            await call;
            return true;
        }
        catch (AppStreamException)
        {
            return false;
        }
    }
}
