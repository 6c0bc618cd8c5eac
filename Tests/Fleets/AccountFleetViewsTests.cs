using System.Net;
using RegionSim.Accounts;
using RegionSim.Fleets;
using RegionSim.Resources;

namespace RegionSim.Tests.Fleets;

/// <summary>
/// The account's side of fleet views, on its own: which view it answers from when a fleet's tell and the
/// answer to the ask that started the watch arrive in either order.
/// </summary>
public sealed class AccountFleetViewsTests
{
    private static readonly ResourceKey Key = new("us-east-1", "111111111111", "desks");
    private static readonly SiloAddress Silo = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11111), 1);
    private static readonly DateTimeOffset Asked = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
    private readonly ActivationId _activation = ActivationId.NewId();

    [Fact]
    public void A_change_told_before_the_answer_to_the_ask_arrives_is_what_the_account_answers_from()
    {
        var views = new AccountFleetViews(_ => true);

        // The fleet's watch began with the ask (its answer: STARTING, 1st view), then a clock wake-up made it
        // RUNNING and it told that (2nd view), and the tell reached the account first.
        views.Told(View(2, FleetState.Running));
        Assert.Null(views.Trusted(Key, Asked));
        views.Answered(View(1, FleetState.Starting), Asked);

        Assert.Equal(FleetState.Running, views.Trusted(Key, Asked)?.Fleet?.State);
    }

    [Fact]
    public void A_tell_that_stopped_the_watch_before_the_answer_arrived_leaves_nothing_trusted()
    {
        var views = new AccountFleetViews(_ => true);
        views.Told(View(2, FleetState.Starting, watched: false));
        views.Answered(View(1, FleetState.Starting), Asked);

        Assert.Null(views.Trusted(Key, Asked));
    }

    [Fact]
    public void The_answer_then_a_newer_tell_then_a_late_older_tell_leave_the_newest()
    {
        var views = new AccountFleetViews(_ => true);
        views.Answered(View(1, FleetState.Stopped), Asked);
        views.Told(View(3, FleetState.Running));
        views.Told(View(2, FleetState.Starting));

        Assert.Equal(FleetState.Running, views.Trusted(Key, Asked)?.Fleet?.State);
        Assert.Null(views.Trusted(Key, Asked + FleetWatches.Trust));
    }

    [Fact]
    public void A_view_from_a_silo_no_longer_active_is_not_trusted()
    {
        var active = true;
        var views = new AccountFleetViews(_ => active);
        views.Answered(View(1, FleetState.Running), Asked);
        active = false;

        Assert.Null(views.Trusted(Key, Asked));
    }

    private FleetView View(long sequence, FleetState state, bool watched = true) => new()
    {
        Key = Key,
        Silo = Silo,
        Activation = _activation,
        Sequence = sequence,
        Watched = watched,
        Fleet = new Fleet
        {
            Arn = Key.Arn(ResourceKind.Fleet),
            Name = Key.Name,
            InstanceType = "stream.standard.medium",
            ComputeCapacityStatus = new ComputeCapacityStatus { Desired = 1 },
            State = state,
        },
    };
}
