using RegionSim.Errors;
using RegionSim.ImageBuilders;
using RegionSim.Images;
using RegionSim.Tests.Infrastructure;

namespace RegionSim.Tests.ImageBuilders;

/// <summary>Which images an account may launch a builder from, and what revoking allowImageBuilder does.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ImageBuilderSourceTests(ClusterFixture fixture)
{
    private const string Region = ImageBuilderSetup.Region;

    [Fact]
    public async Task A_builder_starts_from_a_public_image_by_name_or_ARN()
    {
        var account = TestAccounts.NewAccount();
        var arn = $"arn:aws:appstream:{Region}::image/{ImageBuilderSetup.OldBaseImage}";
        var byArn = (await fixture.CreateBuilderAsync(account, TestAccounts.NewName("ib"), imageArn: arn)).ImageBuilder;
        Assert.Equal(arn, byArn.ImageArn);
        Assert.Equal("09-10-2019", byArn.AppstreamAgentVersion);
        var byName = (await fixture.CreateBuilderAsync(account, TestAccounts.NewName("ib"), ImageBuilderSetup.OldBaseImage)).ImageBuilder;
        Assert.Equal(arn, byName.ImageArn);
    }

    [Fact]
    public async Task A_builder_from_an_own_image_starts_with_its_applications_and_files()
    {
        var account = TestAccounts.NewAccount();
        var image = await fixture.NewAvailableImageAsync(account);
        var name = await fixture.NewRunningBuilderAsync(account, image);
        Assert.Equal($"arn:aws:appstream:{Region}:{account}:image/{image}", (await fixture.Builder(account, name).DescribeAsync()).ImageArn);
        var app = Assert.Single((await fixture.Builder(account, name).GetContentsAsync()).Applications);
        Assert.Equal("notepad", app.Name);
        Assert.Equal(@"C:\Windows\notepad.exe", app.AbsoluteAppPath);
    }

    [Fact]
    public async Task An_image_that_is_not_AVAILABLE_launches_no_builder()
    {
        var account = TestAccounts.NewAccount();
        var image = await fixture.NewPendingImageAsync(account);
        await Expect.Refused(AppStreamErrorCode.ResourceNotAvailable, () => fixture.CreateBuilderAsync(account, TestAccounts.NewName("ib"), image));
    }

    [Fact]
    public async Task Another_accounts_image_needs_allowImageBuilder()
    {
        var (owner, builderUser, fleetUser, stranger) = (TestAccounts.NewAccount(), TestAccounts.NewAccount(), TestAccounts.NewAccount(), TestAccounts.NewAccount());
        var image = await fixture.NewAvailableImageAsync(owner);
        var arn = $"arn:aws:appstream:{Region}:{owner}:image/{image}";
        await fixture.ShareAsync(owner, image, builderUser, allowFleet: false, allowImageBuilder: true);
        await fixture.ShareAsync(owner, image, fleetUser, allowFleet: true, allowImageBuilder: false);

        var launched = (await fixture.CreateBuilderAsync(builderUser, TestAccounts.NewName("ib"), image)).ImageBuilder;
        Assert.Equal(arn, launched.ImageArn);
        await fixture.CreateBuilderAsync(builderUser, TestAccounts.NewName("ib"), imageArn: arn);

        var fleetOnly = await Expect.Refused(AppStreamErrorCode.OperationNotPermitted, () => fixture.CreateBuilderAsync(fleetUser, TestAccounts.NewName("ib"), imageArn: arn));
        Assert.Contains("fleets only", fleetOnly.Message);
        await Expect.Refused(AppStreamErrorCode.ResourceNotFound, () => fixture.CreateBuilderAsync(stranger, TestAccounts.NewName("ib"), imageArn: arn));
        await Expect.Refused(AppStreamErrorCode.ResourceNotFound, () => fixture.CreateBuilderAsync(stranger, TestAccounts.NewName("ib"), image));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Revoking_allowImageBuilder_leaves_builders_and_their_images_alone_and_refuses_new_builders(bool keepFleetPermission)
    {
        var (owner, recipient) = (TestAccounts.NewAccount(), TestAccounts.NewAccount());
        var image = await fixture.NewAvailableImageAsync(owner);
        await fixture.ShareAsync(owner, image, recipient, allowFleet: true, allowImageBuilder: true);
        var builderName = await fixture.NewRunningBuilderAsync(recipient, image);
        var builder = fixture.Builder(recipient, builderName);
        var before = TestAccounts.NewName("made");
        Assert.Equal(0, (await builder.CreateImageAsync(new ImageAssistantCreateImage { Name = before })).Status);
        await fixture.SettleAsync();

        if (keepFleetPermission)
        {
            await fixture.ShareAsync(owner, image, recipient, allowFleet: true, allowImageBuilder: false);
        }
        else
        {
            await fixture.Grains.GetImage(Region, owner, image).DeletePermissionsAsync(owner, new DeleteImagePermissionsRequest { Name = image, SharedAccountId = recipient });
        }

        // The builder made before the revocation goes on: it starts, holds its catalogue and makes images.
        await builder.StartAsync(new StartImageBuilderRequest { Name = builderName });
        await fixture.SettleAsync();
        Assert.Equal(ImageBuilderState.Running, (await builder.DescribeAsync()).State);
        Assert.Equal("notepad", Assert.Single((await builder.ListApplicationsAsync()).Applications!).Name);
        var after = TestAccounts.NewName("made");
        Assert.Equal(0, (await builder.CreateImageAsync(new ImageAssistantCreateImage { Name = after })).Status);
        await fixture.SettleAsync();

        // The images made from it are the recipient's own, AVAILABLE, and launch builders of their own.
        foreach (var made in new[] { before, after })
        {
            Assert.Equal(ImageState.Available, (await fixture.DescribeAsync(recipient, Region, recipient, made)).State);
        }

        await fixture.CreateBuilderAsync(recipient, TestAccounts.NewName("ib"), before);

        // New builders from the shared image are refused.
        await Expect.Refused(keepFleetPermission ? AppStreamErrorCode.OperationNotPermitted : AppStreamErrorCode.ResourceNotFound,
            () => fixture.CreateBuilderAsync(recipient, TestAccounts.NewName("ib"), imageArn: $"arn:aws:appstream:{Region}:{owner}:image/{image}"));
    }
}
