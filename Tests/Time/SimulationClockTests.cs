using RegionSim.Images;
using RegionSim.Tests.Infrastructure;
using RegionSim.Time;

namespace RegionSim.Tests.Time;

[Collection(ClusterCollection.Name)]
public sealed class SimulationClockTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Advancing_moves_simulated_time_by_exactly_the_span()
    {
        var before = await fixture.Clock.GetNowAsync();
        var after = await fixture.AdvanceAsync(TimeSpan.FromMinutes(7));
        Assert.Equal(before + TimeSpan.FromMinutes(7), after);
        Assert.Equal(after, await fixture.Clock.GetNowAsync());
    }

    [Fact]
    public async Task Simulated_time_starts_where_the_silo_was_told_not_at_the_wall_clock()
    {
        var now = await fixture.Clock.GetNowAsync();
        Assert.True(now >= ClusterFixture.Start);
        Assert.True(now < ClusterFixture.Start + TimeSpan.FromDays(365), $"The clock is at {now}, far from its start {ClusterFixture.Start}.");
    }

    [Fact]
    public async Task Time_never_moves_backwards()
    {
        var now = await fixture.Clock.GetNowAsync();
        Assert.Equal(now, await fixture.Clock.AdvanceToAsync(now - TimeSpan.FromHours(1)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => fixture.AdvanceAsync(TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public async Task Grains_read_the_simulated_clock()
    {
        var account = TestAccounts.NewAccount();
        await fixture.AdvanceAsync(TimeSpan.FromHours(3));
        var now = await fixture.Clock.GetNowAsync();
        var name = await fixture.NewPendingImageAsync(account);
        var image = await fixture.DescribeAsync(account, ImageSetup.Region, account, name);
        Assert.Equal(now, image.CreatedTime);
    }

    [Fact]
    public async Task Work_due_inside_an_advance_happens_at_its_own_time_and_in_order()
    {
        var account = TestAccounts.NewAccount();
        var creation = (await fixture.Clock.GetTimingsAsync()).ImageCreation;
        var first = await fixture.NewPendingImageAsync(account);
        await fixture.AdvanceAsync(creation / 2);
        var second = await fixture.NewPendingImageAsync(account);

        await fixture.AdvanceAsync(creation * 3 / 4);
        Assert.Equal(ImageState.Available, (await fixture.DescribeAsync(account, ImageSetup.Region, account, first)).State);
        Assert.Equal(ImageState.Pending, (await fixture.DescribeAsync(account, ImageSetup.Region, account, second)).State);

        await fixture.AdvanceAsync(creation);
        Assert.Equal(ImageState.Available, (await fixture.DescribeAsync(account, ImageSetup.Region, account, second)).State);
    }

    [Fact]
    public async Task A_region_clock_wakes_a_grain_once_at_the_earlier_of_two_asks()
    {
        var now = await fixture.Clock.GetNowAsync();
        var clock = fixture.Grains.GetGrain<IRegionClockGrain>("ap-south-1");
        var grain = fixture.Grains.GetGrain<IImageGrain>($"ap-south-1/{TestAccounts.NewAccount()}/nothing").GetGrainId();
        await clock.ScheduleAsync(grain, now + TimeSpan.FromMinutes(10));
        await clock.ScheduleAsync(grain, now + TimeSpan.FromMinutes(5));
        await clock.ScheduleAsync(grain, now + TimeSpan.FromMinutes(8));
        Assert.Equal(now + TimeSpan.FromMinutes(5), await clock.GetNextDueAsync());

        await fixture.AdvanceAsync(TimeSpan.FromMinutes(6));
        var next = await clock.GetNextDueAsync();
        Assert.True(next is null || next > now + TimeSpan.FromMinutes(10), $"The grain is still due at {next}.");
    }
}
