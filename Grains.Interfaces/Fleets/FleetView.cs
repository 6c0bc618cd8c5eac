using RegionSim.Resources;

namespace RegionSim.Fleets;

/// <summary>
/// How a fleet looks to its account, as one activation of the fleet grain tells it: the account answers
/// DescribeFleets from it while the fleet is watched (see <see cref="IFleetGrain.WatchAsync"/>). Sequences
/// order the views of one activation, whatever order they arrive in; a view of another activation is of a
/// later one, since an activation tells its account it stops (<see cref="Watched"/> false) before it goes.
/// </summary>
[GenerateSerializer, Immutable, Alias("RegionSim.FleetView")]
public sealed record FleetView
{
    [Id(0)] public required ResourceKey Key { get; init; }

    /// <summary>The silo of the activation that made the view: a view of a silo that died is not trusted (no activation told the account it went).</summary>
    [Id(1)] public required SiloAddress Silo { get; init; }
    [Id(2)] public required ActivationId Activation { get; init; }

    /// <summary>Counts the views the activation told.</summary>
    [Id(3)] public required long Sequence { get; init; }

    /// <summary>The fleet as DescribeFleets shows it; null once it is deleted.</summary>
    [Id(4)] public Fleet? Fleet { get; init; }

    /// <summary>Whether the activation tells its changes: false when it stops (it deactivates, a load simulation drives it).</summary>
    [Id(5)] public required bool Watched { get; init; }

    public bool IsNewerThan(FleetView? held) =>
        held is null || Activation != held.Activation || Sequence > held.Sequence;
}
