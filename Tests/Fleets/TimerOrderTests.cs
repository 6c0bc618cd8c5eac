using RegionSim.Fleets;

namespace RegionSim.Tests.Fleets;

/// <summary>
/// Two of a fleet's timers due at the same moment fire in the order they were set. Instances launched
/// together finish provisioning together, so users then get them in the order they were launched (the
/// instance longest available first, and among those ready at once the first launched).
/// </summary>
public sealed class TimerOrderTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Instances_ready_at_the_same_moment_serve_users_in_the_order_they_were_launched()
    {
        var engine = RunningFleets.AlwaysOn(Start, desired: 4);
        Assert.Single(engine.State.CurrentInstances.Select(instance => instance.At).Distinct());

        // Ids are the fleet's hash and the instance's number in fixed-width hex: their order is the launch order.
        var launched = engine.State.CurrentInstances.Select(instance => instance.Id).Order(StringComparer.Ordinal).ToList();
        var served = new[] { "ann", "bob", "cid", "dee" }.Select(user => RunningFleets.Connect(engine, "stack", user).InstanceId).ToList();

        Assert.Equal(launched, served);
    }
}
