using RegionSim.Sessions;

namespace RegionSim.Simulation;

/// <summary>
/// The users of one fleet in a load simulation: Poisson arrivals at the rate the demand curve gives,
/// and for each a planned stay, maybe a dropped connection, maybe walking away. Every draw comes from
/// the fleet's own random stream (the scenario's seed and the fleet's key), so a fleet's users are the
/// same from run to run whatever order fleets are stepped in.
/// </summary>
internal sealed class UserArrivals(UserDemand demand, int scenarioSeed)
{
    private readonly Random _random = new(unchecked((int)(SessionIds.FleetHash(demand.Fleet) ^ (uint)scenarioSeed)));
    private long _arrived;

    public UserDemand Demand => demand;

    /// <summary>Adds the users who arrive in [<paramref name="from"/>, <paramref name="to"/>), in time order.</summary>
    public void ArrivalsBetween(DateTimeOffset from, DateTimeOffset to, List<UserVisit> into)
    {
        var span = to - from;
        if (span <= TimeSpan.Zero)
        {
            return;
        }

        // The rate at the middle of the span stands for the whole span (a step is short against the curve).
        var expected = demand.ArrivalsPerMinuteAt(from + (span / 2)) * span.TotalMinutes;
        var count = Poisson(expected);
        if (count == 0)
        {
            return;
        }

        var first = into.Count;
        for (var i = 0; i < count; i++)
        {
            into.Add(NewVisit(from + (span * _random.NextDouble())));
        }

        if (count > 1)
        {
            into.Sort(first, count, VisitOrder.Instance);
        }
    }

    private UserVisit NewVisit(DateTimeOffset at)
    {
        var stay = DrawStay();
        var behavior = demand.Behavior;
        TimeSpan? disconnectAfter = behavior.DisconnectProbability > 0 && _random.NextDouble() < behavior.DisconnectProbability
            ? stay * _random.NextDouble()
            : null;
        TimeSpan? idleAfter = behavior.IdleProbability > 0 && _random.NextDouble() < behavior.IdleProbability
            ? stay * _random.NextDouble()
            : null;
        return new UserVisit($"user-{++_arrived}", at, stay, disconnectAfter, idleAfter, behavior.RetryAttempts);
    }

    private TimeSpan DrawStay()
    {
        var length = demand.SessionLength;
        return length.Kind switch
        {
            SessionLengthKind.Fixed => length.Typical,
            SessionLengthKind.Exponential => length.Typical * -Math.Log(1 - _random.NextDouble()),
            SessionLengthKind.LogNormal => length.Typical * Math.Exp(length.Sigma * StandardNormal()),
            _ => throw new InvalidOperationException($"Unknown session length kind {length.Kind}."),
        };
    }

    /// <summary>A Poisson count: exact (Knuth) for small means, the normal approximation for large ones.</summary>
    private int Poisson(double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        if (mean < 30)
        {
            var limit = Math.Exp(-mean);
            var product = _random.NextDouble();
            var count = 0;
            while (product > limit)
            {
                count++;
                product *= _random.NextDouble();
            }

            return count;
        }

        return Math.Max(0, (int)Math.Round(mean + (Math.Sqrt(mean) * StandardNormal())));
    }

    /// <summary>Box-Muller.</summary>
    private double StandardNormal() =>
        Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());

    private sealed class VisitOrder : IComparer<UserVisit>
    {
        public static readonly VisitOrder Instance = new();

        public int Compare(UserVisit x, UserVisit y) => x.At.UtcTicks.CompareTo(y.At.UtcTicks);
    }
}
