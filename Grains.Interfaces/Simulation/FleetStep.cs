namespace RegionSim.Simulation;

/// <summary>A step of a load simulation for one fleet: run its users and its engine up to <see cref="Until"/>.</summary>
[GenerateSerializer, Immutable, Alias("RegionSim.FleetStep")]
public readonly record struct FleetStep
{
    [Id(0)] public required DateTimeOffset Until { get; init; }

    /// <summary>The simulation's step: how far apart the step ends a fleet's means are sampled at lie.</summary>
    [Id(3)] public required TimeSpan Length { get; init; }

    /// <summary>Instance slots the region granted for the fleet's last request, and how many it had asked for.</summary>
    [Id(1)] public int SlotsGranted { get; init; }
    [Id(2)] public int SlotsAsked { get; init; }

    /// <summary>
    /// How far the fleet may go on past <see cref="Until"/>, step by step, while it needs nothing from its
    /// region (no slots to ask for or give back): up to the next event of the simulation's timeline, or its
    /// end. Null: this step only.
    /// </summary>
    [Id(4)] public DateTimeOffset? RunAheadUntil { get; init; }
}

/// <summary>What a fleet reports after a step.</summary>
[GenerateSerializer, Immutable, Alias("RegionSim.FleetStepResult")]
public readonly record struct FleetStepResult
{
    /// <summary>
    /// The fleet at the end of every step the answer covers, the step asked for first: more than one when the
    /// fleet ran ahead. What follows (slots, next due time) is as of the end of the last.
    /// </summary>
    [Id(5)] public required FleetSample[] Samples { get; init; }

    /// <summary>The fleet at the end of the last step the answer covers (none before its first answer).</summary>
    public FleetSample Sample => Samples.Length > 0 ? Samples[^1] : default;

    /// <summary>Instance slots the fleet wants from the region now (decided for many fleets at once by the region's simulation).</summary>
    [Id(1)] public int SlotsWanted { get; init; }

    /// <summary>Slots the fleet gave up during the step, to return to the region.</summary>
    [Id(2)] public int SlotsReturned { get; init; }

    [Id(3)] public required string InstanceType { get; init; }

    /// <summary>
    /// When the fleet next has something to do (a user, a timer, a scaling evaluation), or null. When that is
    /// within the next step, a time within it may stand for it: the region calls the fleet at the first step
    /// that reaches it either way.
    /// </summary>
    [Id(4)] public DateTimeOffset? NextDue { get; init; }

    /// <summary>
    /// Whether the region calls the fleet at the step that ends at <paramref name="until"/>: its next work
    /// comes by then, or it asked for slots (the region's grant reaches it with that step).
    /// </summary>
    public bool IsDueBy(DateTimeOffset until) => NextDue <= until || SlotsWanted > 0;
}

/// <summary>
/// A fleet at the end of a step (capacity as DescribeFleets shows it, sessions in progress) and what
/// happened during it (connection attempts, sessions started and ended, refusals for want of capacity).
/// </summary>
[GenerateSerializer, Immutable, Alias("RegionSim.FleetSample")]
public readonly record struct FleetSample
{
    [Id(0)] public int Desired { get; init; }
    [Id(1)] public int Running { get; init; }
    [Id(2)] public int InUse { get; init; }
    [Id(3)] public int Available { get; init; }
    [Id(4)] public int Pending { get; init; }

    /// <summary>Sessions in progress (PENDING or ACTIVE).</summary>
    [Id(5)] public int Sessions { get; init; }
    [Id(6)] public int Attempts { get; init; }
    [Id(7)] public int Started { get; init; }
    [Id(8)] public int Ended { get; init; }
    [Id(9)] public int Refused { get; init; }

    /// <summary>The same fleet with nothing happening: its capacity and sessions unchanged, no events.</summary>
    /// <remarks>A method, not a property: a record prints its properties, and this one would print itself without end.</remarks>
    public FleetSample Quiet() => this with { Attempts = 0, Started = 0, Ended = 0, Refused = 0 };

    public static FleetSample operator +(FleetSample a, FleetSample b) => new()
    {
        Desired = a.Desired + b.Desired,
        Running = a.Running + b.Running,
        InUse = a.InUse + b.InUse,
        Available = a.Available + b.Available,
        Pending = a.Pending + b.Pending,
        Sessions = a.Sessions + b.Sessions,
        Attempts = a.Attempts + b.Attempts,
        Started = a.Started + b.Started,
        Ended = a.Ended + b.Ended,
        Refused = a.Refused + b.Refused,
    };
}

/// <summary>A fleet's totals over a load simulation.</summary>
[GenerateSerializer, Immutable, Alias("RegionSim.FleetTotals")]
public sealed record FleetTotals
{
    [Id(0)] public required string Fleet { get; init; }
    [Id(1)] public long Attempts { get; init; }
    [Id(2)] public long Started { get; init; }
    [Id(3)] public long Ended { get; init; }
    [Id(4)] public long Refused { get; init; }
    [Id(5)] public int PeakSessions { get; init; }

    /// <summary>Sessions in progress summed over the step ends (their mean is this over the number of steps).</summary>
    [Id(6)] public long SessionSteps { get; init; }

    /// <summary>Instances in use and running, summed over the step ends (CapacityUtilization is their ratio).</summary>
    [Id(7)] public long InUseSteps { get; init; }
    [Id(8)] public long RunningSteps { get; init; }
}
