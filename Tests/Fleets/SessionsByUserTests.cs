using RegionSim.Fleets;
using RegionSim.Sessions;

namespace RegionSim.Tests.Fleets;

/// <summary>
/// Finding a user's session in progress (how CreateStreamingURL resumes one). The index by user is made the
/// first time a user is looked up, so it must hold the sessions that started and ended before that, and
/// follow every start and end after it.
/// </summary>
public sealed class SessionsByUserTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_first_look_up_finds_the_sessions_in_progress_then_and_later_ones_follow_starts_and_ends()
    {
        var engine = RunningFleet(desired: 4);
        var ann = RunningFleets.Connect(engine, "stack", "ann");
        var bob = RunningFleets.Connect(engine, "stack", "bob");
        var annElsewhere = RunningFleets.Connect(engine, "other", "ann");
        engine.Act(bob, UserAction.LogOut);

        Assert.Same(ann, engine.Resume("stack", "ann"));
        Assert.Same(annElsewhere, engine.Resume("other", "ann"));
        Assert.Null(engine.Resume("stack", "bob"));
        Assert.Null(engine.Resume("other", "bob"));

        engine.Act(ann, UserAction.LogOut);
        RunningFleets.Provide(engine);
        var bobAgain = RunningFleets.Connect(engine, "stack", "bob");

        Assert.Null(engine.Resume("stack", "ann"));
        Assert.Same(bobAgain, engine.Resume("stack", "bob"));
        Assert.Same(annElsewhere, engine.Resume("other", "ann"));
    }

    [Fact]
    public void An_engine_made_again_from_the_stored_state_finds_the_sessions_in_it()
    {
        var engine = RunningFleet(desired: 2);
        var ann = RunningFleets.Connect(engine, "stack", "ann");
        Assert.Same(ann, engine.Resume("stack", "ann"));

        var again = new FleetEngine(engine.State, engine.Key, engine.Now);
        Assert.Same(ann, again.Resume("stack", "ann"));
        again.Act(ann, UserAction.LogOut);
        Assert.Null(again.Resume("stack", "ann"));
    }

    private static FleetEngine RunningFleet(int desired) => RunningFleets.AlwaysOn(Start, desired);
}
