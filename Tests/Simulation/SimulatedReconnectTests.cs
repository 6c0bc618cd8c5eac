using RegionSim.Fleets;
using RegionSim.Sessions;
using RegionSim.Simulation;
using RegionSim.Stacks;
using RegionSim.Tests.Fleets;

namespace RegionSim.Tests.Simulation;

/// <summary>
/// A simulated user who loses the connection comes back after a while: to the same session while it is in
/// progress (within the fleet's disconnect timeout, 15 minutes here), or, once it has ended, to a new one for
/// what is left of the work. Driven on the fleet's engine directly, every slot it asks for granted.
/// </summary>
public sealed class SimulatedReconnectTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(1);

    [Fact]
    public void A_user_back_within_the_disconnect_timeout_resumes_the_same_session()
    {
        var sessions = RunUsers(reconnectAfter: TimeSpan.FromMinutes(5));

        Assert.True(sessions.Count > 20, $"Only {sessions.Count} sessions: the test needs users to mean anything.");
        Assert.All(sessions.GroupBy(session => session.UserId), user => Assert.Single(user));
        Assert.DoesNotContain(sessions, session => session.EndReason == SessionEndReason.DisconnectTimeout);
    }

    [Fact]
    public void A_user_back_after_the_session_ended_starts_a_new_one_for_the_rest_of_the_work()
    {
        var sessions = RunUsers(reconnectAfter: TimeSpan.FromMinutes(25));

        var startedOver = sessions.GroupBy(session => session.UserId).Where(user => user.Count() > 1).ToList();
        Assert.True(startedOver.Count > 5, $"Only {startedOver.Count} users started over: the test needs them to mean anything.");
        Assert.All(startedOver, user =>
        {
            var (first, second) = (user.MinBy(session => session.Number)!, user.MaxBy(session => session.Number)!);
            Assert.Equal(2, user.Count());
            Assert.Contains(first.EndReason, new SessionEndReason?[] { SessionEndReason.DisconnectTimeout, SessionEndReason.LogOut });
            Assert.True(first.EndedAt <= second.StartTime, $"{user.Key} started again at {second.StartTime} while the first session ran until {first.EndedAt}.");

            // The work left is what the hour had left at the reconnect: the user logs out when the hour is up.
            if (second.EndedAt is { } ended)
            {
                Assert.Equal(SessionEndReason.LogOut, second.EndReason);
                Assert.Equal(first.StartTime + TimeSpan.FromHours(1), ended);
            }
        });
        Assert.Contains(startedOver, user => user.MaxBy(session => session.Number)!.EndReason == SessionEndReason.LogOut);
    }

    /// <summary>Three hours of users who each stay an hour and all lose the connection once; every session the fleet made, ended or not.</summary>
    private static List<StreamingSessionState> RunUsers(TimeSpan reconnectAfter)
    {
        var engine = RunningFleets.AlwaysOn(Start, desired: 40);
        var demand = new UserDemand
        {
            Fleet = engine.Key.ToString(),
            Stack = "stack",
            PeakArrivalsPerMinute = 0.25,
            Curve = DemandCurve.Flat,
            SessionLength = SessionLength.Fixed(TimeSpan.FromHours(1)),
            Behavior = new UserBehavior { DisconnectProbability = 1, ReconnectAfter = reconnectAfter },
        };
        var users = new SimulatedFleetUsers(engine.Key, demand, seed: 11, new SessionSetup { Associated = true }, engine.Now);
        var granted = 0;
        for (var until = engine.Now + Step; until <= Start + TimeSpan.FromHours(3); until += Step)
        {
            var answer = users.Step(engine, new FleetStep { Until = until, Length = Step, SlotsGranted = granted, SlotsAsked = granted });
            granted = answer.SlotsWanted;
        }

        // Few enough that the fleet still remembers every ended one.
        Assert.True(engine.State.EndedSessions.Count < FleetEngine.EndedSessionsKept);
        return [.. engine.State.EndedSessions, .. engine.State.SessionsInProgress];
    }
}
