using RegionSim.Accounts;
using RegionSim.Client.Cluster;
using RegionSim.Errors;
using RegionSim.Images;
using RegionSim.Resources;
using RegionSim.Tests.Infrastructure;
using Xunit.Abstractions;

namespace RegionSim.Tests.Cluster;

/// <summary>
/// A silo killed in the middle of cross-region copies: while they are being handed over (the source image
/// reserving the name and a slot with the account, then handing the content to the destination image), or
/// while they are COPYING. Every copy asked for ends AVAILABLE or FAILED with IMAGE_COPY_FAILURE, the
/// account's names are exactly its images, and its copy slots are free again.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class CopyFaultTests(RedisServer redis, ITestOutputHelper output)
{
    private const string Source = "us-east-1";
    private const string Destination = "eu-west-1";
    private static readonly DateTimeOffset Start = new(2026, 2, 2, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("handing over")] // killed: the silo hosting the most of the accounts and source images, as the copies are asked for
    [InlineData("copying")] // killed: the silo hosting the most destination images, halfway through the copy time
    public async Task Every_copy_finishes_or_fails_with_IMAGE_COPY_FAILURE_after_a_silo_dies(string during)
    {
        await using var cluster = await ClusterUnderTest.StartAsync(redis, Start);
        var grains = cluster.Grains;
        var timings = await cluster.Clock.GetTimingsAsync();
        var content = await grains.GetImage(ResourceKey.Public(Source, ImageSetup.BaseImage)).GetContentAsync("aws");
        var sources = TestAccounts.NewAccounts(8).Select(account => (Account: account, Image: TestAccounts.NewName())).ToList();
        await Task.WhenAll(sources.Select(s => grains.GetImage(Source, s.Account, s.Image).CreateAsync(new NewImage { Content = content })));
        await cluster.AdvanceAsync(timings.ImageCreation);

        // Two copies per account, the most it may have in flight to one region.
        var copies = sources.SelectMany(s => new[] { (s.Account, s.Image, As: TestAccounts.NewName("copy")), (s.Account, s.Image, As: TestAccounts.NewName("copy")) }).ToList();
        if (during == "handing over")
        {
            var (host, _) = await cluster.BusiestHostAsync(sources.SelectMany(s => new IAddressable[] { grains.GetGrain<IAccountGrain>(s.Account), grains.GetImage(Source, s.Account, s.Image) }));
            var asked = copies.Select(copy => CopyAsync(grains, copy.Account, copy.Image, copy.As)).ToList();
            await Task.WhenAny(asked);
            await cluster.KillAsync(host);
            await Task.WhenAll(asked);
        }
        else
        {
            await Task.WhenAll(copies.Select(copy => CopyAsync(grains, copy.Account, copy.Image, copy.As)));
            await cluster.AdvanceAsync(timings.ImageCopy / 2);
            var (host, hosted) = await cluster.BusiestHostAsync(copies.Select(copy => grains.GetImage(Destination, copy.Account, copy.As)));
            Assert.True(hosted > 0);
            await cluster.KillAsync(host);
        }

        // The clock moves on until no copy is in flight; the copy time and the account's grace pass within the first hour.
        var accounts = sources.Select(s => grains.GetGrain<IAccountGrain>(s.Account)).ToList();
        for (var moves = 0; moves < 24 && (await Task.WhenAll(accounts.Select(a => Transient.RetryAsync(() => a.GetCopiesInFlightAsync(Destination))))).Sum() > 0; moves++)
        {
            await cluster.AdvanceAsync(TimeSpan.FromMinutes(5));
        }

        var outcomes = new List<string>();
        foreach (var (account, image) in sources)
        {
            var owner = grains.GetGrain<IAccountGrain>(account);
            Assert.Equal(0, await owner.GetCopiesInFlightAsync(Destination));
            Assert.Equal(ImageState.Available, (await grains.GetImage(Source, account, image).DescribeAsync(account)).State);

            // The account's names in the destination are exactly its copies, each an image it sees once.
            var names = copies.Where(c => c.Account == account).Select(c => c.As).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(names, await owner.ListNamesAsync(Destination, ResourceKind.Image));
            var described = (await owner.DescribeImagesAsync(Destination, new DescribeImagesRequest { Names = names })).Images;
            Assert.Equal(names, described.Select(i => i.Name).Order(StringComparer.Ordinal));
            foreach (var copy in described)
            {
                var held = await grains.GetImage(Destination, account, copy.Name).DescribeAsync(account);
                Assert.Equal(held.State, copy.State);
                outcomes.Add($"{copy.State}");
                Assert.True(copy.State == ImageState.Available || (copy.State == ImageState.Failed && copy.StateChangeReason?.Code == ImageStateChangeReasonCode.ImageCopyFailure),
                    $"Copy {copy.Name} is {copy.State} ({copy.StateChangeReason?.Code}): a copy ends AVAILABLE, or FAILED with IMAGE_COPY_FAILURE.");
            }
        }

        output.WriteLine($"Killed during {during}; copies: {string.Join(", ", outcomes.GroupBy(o => o).Select(g => $"{g.Count()} {g.Key}"))}.");

        // The limit holds again: two copies in flight, the third refused.
        var (limited, source) = sources[0];
        await CopyAsync(grains, limited, source, TestAccounts.NewName("again"));
        await CopyAsync(grains, limited, source, TestAccounts.NewName("again"));
        var refused = await Assert.ThrowsAsync<AppStreamException>(() => CopyAsync(grains, limited, source, TestAccounts.NewName("again")));
        Assert.Equal(AppStreamErrorCode.LimitExceeded, refused.Code);
    }

    /// <summary>
    /// CopyImage as an AWS SDK calls it: retried while a silo's death interrupts it; a retry that finds the
    /// name taken means an earlier try got through.
    /// </summary>
    private static async Task CopyAsync(IGrainFactory grains, string account, string image, string destinationName)
    {
        var retried = false;
        var deadline = DateTime.UtcNow + Transient.DefaultPatience;
        while (true)
        {
            try
            {
                await grains.GetImage(Source, account, image).CopyAsync(account, new CopyImageRequest
                {
                    SourceImageName = image,
                    DestinationImageName = destinationName,
                    DestinationRegion = Destination,
                });
                return;
            }
            catch (Exception error) when (Transient.IsTransient(error) && DateTime.UtcNow < deadline)
            {
                retried = true;
                await Task.Delay(200);
            }
            catch (AppStreamException error) when (retried && error.Code == AppStreamErrorCode.ResourceAlreadyExists)
            {
                return;
            }
        }
    }
}
