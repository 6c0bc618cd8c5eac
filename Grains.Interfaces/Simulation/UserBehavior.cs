namespace RegionSim.Simulation;

/// <summary>What simulated users do besides working and logging out.</summary>
[GenerateSerializer, Immutable, Alias("RegionSim.UserBehavior")]
public sealed record UserBehavior
{
    /// <summary>How often a user refused for want of capacity tries again (0: never).</summary>
    [Id(0)] public int RetryAttempts { get; init; }

    /// <summary>How long a refused user waits before trying again.</summary>
    [Id(1)] public TimeSpan RetryAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The share of sessions in which the user's connection drops once, part-way through.</summary>
    [Id(2)] public double DisconnectProbability { get; init; }

    /// <summary>How long a dropped user takes to reconnect (past the fleet's disconnect timeout, the session has ended).</summary>
    [Id(3)] public TimeSpan ReconnectAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The share of sessions in which the user walks away part-way through and never comes back.</summary>
    [Id(4)] public double IdleProbability { get; init; }

    public static UserBehavior Default { get; } = new();
}
