using RegionSim.Accounts;
using RegionSim.Errors;
using RegionSim.Images;
using RegionSim.Resources;
using RegionSim.Tests.Infrastructure;

namespace RegionSim.Tests.Images;

/// <summary>
/// A copy the account counts as in flight but whose destination never received it (the source's silo died
/// between the reservation and the hand-over; the cluster tests kill silos, these reserve without handing
/// over): the account asks the destination after the copy time and a grace, and the copy ends FAILED with
/// IMAGE_COPY_FAILURE, its place among the copies in flight free again.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CopySettlementTests(ClusterFixture fixture)
{
    private const string Region = ImageSetup.Region;
    private const string Destination = ImageSetup.OtherRegion;

    [Fact]
    public async Task A_copy_never_handed_over_ends_FAILED_with_IMAGE_COPY_FAILURE_and_its_place_is_free_again()
    {
        var account = TestAccounts.NewAccount();
        var owner = fixture.Grains.GetGrain<IAccountGrain>(account);
        var source = await fixture.NewAvailableImageAsync(account);
        var copy = TestAccounts.NewName("lost");
        var timings = await fixture.Clock.GetTimingsAsync();

        await owner.ReserveCopyAsync(Destination, copy, new ResourceKey(Region, account, source));
        await fixture.AdvanceAsync(timings.ImageCopy);
        Assert.Equal(1, await owner.GetCopiesInFlightAsync(Destination));

        await fixture.AdvanceAsync(timings.ImageCopyGrace);
        await SettledAsync(owner);
        var failed = await fixture.DescribeAsync(account, Destination, account, copy);
        Assert.Equal(ImageState.Failed, failed.State);
        Assert.Equal(ImageStateChangeReasonCode.ImageCopyFailure, failed.StateChangeReason?.Code);
        Assert.Contains(source, failed.StateChangeReason!.Message);
        Assert.Equivalent(failed, Assert.Single((await owner.DescribeImagesAsync(Destination, new DescribeImagesRequest { Names = [copy] })).Images));

        // Its place is free: two copies may be in flight again. Deleting it gives the name back.
        foreach (var name in new[] { TestAccounts.NewName("again"), TestAccounts.NewName("again") })
        {
            await fixture.Grains.GetImage(Region, account, source).CopyAsync(account, new CopyImageRequest { SourceImageName = source, DestinationImageName = name, DestinationRegion = Destination });
        }

        await fixture.Grains.GetImage(Destination, account, copy).DeleteAsync(account);
        await fixture.AdvanceAsync(timings.ImageDeletion);
        Assert.DoesNotContain(copy, await owner.ListNamesAsync(Destination, ResourceKind.Image));
    }

    [Fact]
    public async Task A_copy_never_handed_over_whose_source_is_gone_too_gives_its_name_back()
    {
        var account = TestAccounts.NewAccount();
        var owner = fixture.Grains.GetGrain<IAccountGrain>(account);
        var copy = TestAccounts.NewName("lost");
        var timings = await fixture.Clock.GetTimingsAsync();

        await owner.ReserveCopyAsync(Destination, copy, new ResourceKey(Region, account, TestAccounts.NewName("gone")));
        Assert.Contains(copy, await owner.ListNamesAsync(Destination, ResourceKind.Image));
        await fixture.AdvanceAsync(timings.ImageCopy + timings.ImageCopyGrace);
        await SettledAsync(owner);

        Assert.DoesNotContain(copy, await owner.ListNamesAsync(Destination, ResourceKind.Image));
        await Expect.Refused(AppStreamErrorCode.ResourceNotFound, () => fixture.DescribeAsync(account, Destination, account, copy));
    }

    /// <summary>
    /// The account asks one-way and the image answers when it is done: the clock moves a minute at a time until
    /// it has. The answer takes a few grain calls of wall time, which a busy machine stretches past ten such
    /// minutes (the whole suite on two cores did once), so the bound is an hour; a settled copy stops it at once.
    /// </summary>
    private async Task SettledAsync(IAccountGrain owner)
    {
        for (var minutes = 0; minutes < 60 && await owner.GetCopiesInFlightAsync(Destination) > 0; minutes++)
        {
            await fixture.AdvanceAsync(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(0, await owner.GetCopiesInFlightAsync(Destination));
    }
}
