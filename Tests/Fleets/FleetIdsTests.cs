using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.TestingHost;
using RegionSim.Fleets;
using RegionSim.Sessions;
using RegionSim.Tests.Infrastructure;

namespace RegionSim.Tests.Fleets;

/// <summary>
/// Session and instance ids are written when first read, not when the session starts or the instance
/// launches. Whenever they are read, and in whatever the fleet stores when nobody read them before, they
/// must be the ids the fleet's hash and their numbers make, and an instance in use must name its session.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class FleetIdsTests(ClusterFixture fixture)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Ids_read_after_the_session_ended_are_those_its_fleet_and_numbers_make()
    {
        var engine = RunningFleets.AlwaysOn(Start, desired: 3);
        var ended = RunningFleets.Connect(engine, "stack", "ann");
        var going = RunningFleets.Connect(engine, "stack", "bob");
        engine.Act(ended, UserAction.LogOut);

        Assert.Equal(SessionIds.Session(Prefix(engine), ended.Number), ended.Id);
        Assert.Equal(SessionIds.Session(Prefix(engine), going.Number), going.Id);
        Assert.NotEqual(ended.Id, going.Id);
        var instanceIds = engine.State.CurrentInstances.Select(instance => instance.Id).ToList();
        Assert.Equal(instanceIds.Count, instanceIds.Distinct().Count());
        Assert.All(instanceIds, id => Assert.StartsWith($"i-{SessionIds.FleetHash(engine.Key.ToString()):x8}", id));
        Assert.DoesNotContain(ended.InstanceId, instanceIds);
        Assert.Equal(going.Id, Assert.Single(engine.State.CurrentInstances, instance => instance.Id == going.InstanceId).SessionId);
    }

    [Fact]
    public void A_fleet_stored_before_anyone_read_its_ids_stores_them()
    {
        var engine = RunningFleets.AlwaysOn(Start, desired: 2);
        var session = RunningFleets.Connect(engine, "stack", "cleo");
        var serializer = ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost.Services.GetRequiredService<Serializer>();

        var stored = serializer.Deserialize<FleetGrainState>(serializer.SerializeToArray(engine.State));

        Assert.NotNull(stored);
        var storedSession = Assert.Single(stored.SessionsInProgress);
        Assert.Equal(SessionIds.Session(Prefix(engine), session.Number), storedSession.Id);
        Assert.Equal(session.Id, storedSession.Id);
        var inUse = Assert.Single(stored.CurrentInstances, instance => instance.State == FleetInstanceState.InUse);
        Assert.Equal(storedSession.InstanceId, inUse.Id);
        Assert.Equal(storedSession.Id, inUse.SessionId);
        Assert.Equal(engine.State.CurrentInstances.Select(instance => instance.Id), stored.CurrentInstances.Select(instance => instance.Id));
    }

    private static string Prefix(FleetEngine engine) =>
        SessionIds.SessionPrefix(SessionIds.FleetHash(engine.Key.ToString()), engine.State.CreatedTime.UtcTicks);
}
