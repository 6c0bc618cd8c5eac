namespace RegionSim.Simulation;

/// <summary>How long users mean to stay: a fixed length, or drawn from an exponential or log-normal distribution.</summary>
[GenerateSerializer, Immutable, Alias("RegionSim.SessionLength")]
public sealed record SessionLength
{
    [Id(0)] public required SessionLengthKind Kind { get; init; }

    /// <summary>The fixed length, the exponential's mean, or the log-normal's median.</summary>
    [Id(1)] public required TimeSpan Typical { get; init; }

    /// <summary>The log-normal's sigma (the standard deviation of the length's logarithm).</summary>
    [Id(2)] public double Sigma { get; init; }

    /// <summary>The mean length: what Little's law multiplies by the arrival rate.</summary>
    public TimeSpan Mean => Kind switch
    {
        SessionLengthKind.LogNormal => Typical * Math.Exp(Sigma * Sigma / 2),
        _ => Typical,
    };

    public static SessionLength Fixed(TimeSpan length) => new() { Kind = SessionLengthKind.Fixed, Typical = length };
}

[GenerateSerializer]
public enum SessionLengthKind
{
    Fixed,
    Exponential,
    LogNormal,
}
