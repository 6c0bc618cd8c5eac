using RegionSim.Fleets;
using RegionSim.Resources;
using RegionSim.Sessions;
using RegionSim.Stacks;
using RegionSim.Time;

namespace RegionSim.Tests.Fleets;

/// <summary>
/// The fleet engine's timers, its queue of available instances and the simulated users hold instances and
/// sessions themselves rather than their ids: what has left the fleet must be told apart without a look-up.
/// </summary>
public sealed class FleetEngineReferenceTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
    private static readonly SessionSetup Setup = new() { Associated = true };

    [Fact]
    public void A_session_is_in_progress_until_it_ends_however_it_ends()
    {
        var engine = RunningFleet(desired: 3);
        var loggedOut = Connect(engine, "ana");
        var expired = Connect(engine, "ben");
        var kept = Connect(engine, "cho");

        engine.Act(loggedOut, UserAction.LogOut);
        Assert.True(engine.Expire(expired.Id));

        Assert.False(FleetEngine.IsInProgress(loggedOut));
        Assert.False(FleetEngine.IsInProgress(expired));
        Assert.True(FleetEngine.IsInProgress(kept));
        Assert.Equal([kept], engine.State.SessionsInProgress);
    }

    [Fact]
    public void A_session_that_reached_its_maximum_duration_is_no_longer_in_progress_and_its_timers_do_nothing_more()
    {
        var engine = RunningFleet(desired: 1, maxUserDurationInSeconds: 3600);
        var session = Connect(engine, "ana");

        engine.AdvanceTo(engine.Now + TimeSpan.FromHours(2));

        Assert.False(FleetEngine.IsInProgress(session));
        Assert.Equal(SessionEndReason.MaxUserDuration, session.EndReason);
        Assert.Single(engine.State.EndedSessions);
    }

    [Fact]
    public void An_idle_timer_set_before_a_log_out_does_not_touch_the_ended_session()
    {
        var engine = RunningFleet(desired: 1, idleDisconnectTimeoutInSeconds: 600);
        var session = Connect(engine, "ana");
        engine.Act(session, UserAction.GoIdle);
        engine.Act(session, UserAction.LogOut);
        var endedAt = session.EndedAt;

        engine.AdvanceTo(engine.Now + TimeSpan.FromHours(1));

        Assert.Equal(SessionEndReason.LogOut, session.EndReason);
        Assert.Equal(endedAt, session.EndedAt);
        Assert.Null(session.DisconnectDeadline);
    }

    [Fact]
    public void Resuming_a_session_in_progress_reconnects_it_as_resuming_by_user_does()
    {
        var engine = RunningFleet(desired: 2);
        var byReference = Connect(engine, "ana");
        var byUser = Connect(engine, "ben");
        engine.Act(byReference, UserAction.Disconnect);
        engine.Act(byUser, UserAction.Disconnect);

        engine.Resume(byReference);
        engine.Resume("desks", "ben");

        foreach (var session in new[] { byReference, byUser })
        {
            Assert.True(session.Connected);
            Assert.Null(session.DisconnectDeadline);
        }
    }

    [Fact]
    public void A_session_started_for_another_user_than_the_requests_belongs_to_that_user()
    {
        var engine = RunningFleet(desired: 1);

        var session = engine.StartSession(Request("simulated-user"), "user-7", Setup)!;

        Assert.Equal("user-7", session.UserId);
        Assert.Same(session, engine.Resume("desks", "user-7"));
        Assert.Null(engine.Resume("desks", "simulated-user"));
    }

    [Fact]
    public void An_instance_terminated_while_provisioning_never_becomes_available()
    {
        var engine = RunningFleet(desired: 2);
        engine.SetDesired(4);
        engine.SlotsGranted(engine.SlotsToLease, engine.SlotsToLease);
        var provisioning = engine.State.CurrentInstances.Where(instance => instance.State == FleetInstanceState.Provisioning).ToList();
        Assert.Equal(2, provisioning.Count);

        // Their timers stay queued, holding them: when they fire, the instances are gone and nothing happens.
        engine.SetDesired(2);
        engine.AdvanceTo(engine.Now + TimeSpan.FromHours(1));

        Assert.All(provisioning, instance => Assert.Equal(FleetInstanceState.Provisioning, instance.State));
        Assert.Equal((2, 2, 0, 2), engine.CapacityCounts);
    }

    /// <summary>An ALWAYS_ON fleet, RUNNING, with its instances provisioned on the slots it asked for.</summary>
    private static FleetEngine RunningFleet(int desired, int maxUserDurationInSeconds = 36000, int idleDisconnectTimeoutInSeconds = 0)
    {
        var engine = new FleetEngine(new FleetGrainState(), new ResourceKey("eu-west-1", "222222222220", "desks"), Start)
        {
            Timings = SimulationTimings.Default,
        };
        engine.Create(new FleetSettings
        {
            InstanceType = "stream.standard.medium",
            FleetType = FleetType.AlwaysOn,
            ImageArn = "arn:aws:appstream:eu-west-1::image/apps",
            MaxUserDurationInSeconds = maxUserDurationInSeconds,
            IdleDisconnectTimeoutInSeconds = idleDisconnectTimeoutInSeconds,
        }, desired, tags: null);
        engine.Start();
        engine.SlotsGranted(engine.SlotsToLease, engine.SlotsToLease);
        engine.AdvanceTo(Start + TimeSpan.FromHours(1));
        Assert.True(engine.IsStreaming);
        Assert.Equal(desired, engine.CapacityCounts.Available);
        return engine;
    }

    private static StreamingSessionState Connect(FleetEngine engine, string user) => engine.StartSession(Request(user), Setup)!;

    private static StreamingConnectRequest Request(string user) => new()
    {
        Region = "eu-west-1",
        AccountId = "222222222220",
        StackName = "desks",
        FleetName = "desks",
        UserId = user,
        Expires = DateTimeOffset.MaxValue,
    };
}
