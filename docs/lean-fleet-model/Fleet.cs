namespace LeanFleetModel;

/// <summary>
/// One fleet and its users, all in arrays: instances and sessions are slots numbered from zero, reused, with
/// a generation that makes a timer or a move set for an earlier occupant of a slot stale.
/// </summary>
internal sealed class Fleet
{
    public const long Minute = TimeSpan.TicksPerMinute;

    private const byte Provisioning = 0, Available = 1, InUse = 2, Gone = 3;
    private const int Provisioned = 0, MaximumDuration = 1, Arrival = 2, LogOut = 3, Retry = 4;

    private readonly Random _random;
    private readonly double _utcOffsetHours;
    private readonly TimeQueue _timers = new();
    private readonly TimeQueue _moves = new();

    // Every session has the same maximum duration, so sessions reach it in the order they started: a queue in
    // that order does what a heap would, without keeping a timer in the heap for hours after its session ended.
    private readonly Queue<(long Due, int Slot, int Generation)> _expiries = new();
    private readonly Queue<int> _available = new();
    private readonly Stack<int> _freeInstances = new();
    private readonly Stack<int> _freeSessions = new();
    private byte[] _instanceStates = new byte[16];
    private int[] _instanceGenerations = new int[16];
    private int[] _sessionInstances = new int[16];
    private int[] _sessionGenerations = new int[16];
    private int _instanceSlots, _sessionSlots;
    private int _provisioning, _inUse, _desired = 4;
    private long _now, _lastScaleIn;

    public long Started { get; private set; }

    public long Refused { get; private set; }

    public Fleet(int seed, int utcOffsetHours)
    {
        _random = new Random(seed);
        _utcOffsetHours = utcOffsetHours;
        Reconcile();
    }

    /// <summary>Draws the minute's arrivals, plays users' moves and timers in time order to <paramref name="until"/>, then scales.</summary>
    public void RunUntil(long until)
    {
        var arrivals = Poisson(ArrivalsPerMinuteAt(until - (Minute / 2)));
        for (var i = 0; i < arrivals; i++)
        {
            _moves.Push(until - Minute + (long)(Minute * _random.NextDouble()), Arrival, 0, 2);
        }

        while (true)
        {
            var move = _moves.Count > 0 ? _moves.NextDue : long.MaxValue;
            var timer = _timers.Count > 0 ? _timers.NextDue : long.MaxValue;
            var expiry = _expiries.Count > 0 ? _expiries.Peek().Due : long.MaxValue;
            var next = Math.Min(Math.Min(move, timer), expiry);
            if (next > until)
            {
                break;
            }

            _now = next;
            if (expiry == _now)
            {
                var (_, session, generation) = _expiries.Dequeue();
                Fire((MaximumDuration, session, generation));
            }
            else if (timer <= move)
            {
                Fire(_timers.Pop());
            }
            else
            {
                Play(_moves.Pop());
            }
        }

        _now = until;
        Scale();
    }

    /// <summary>A working day in the fleet's time zone, as global-day's demand curve has it, with a little traffic at night.</summary>
    private double ArrivalsPerMinuteAt(long ticks)
    {
        var hour = ((ticks / (double)TimeSpan.TicksPerHour) + _utcOffsetHours + 48) % 24;
        var day = hour is > 7 and < 19 ? Math.Sin(Math.PI * (hour - 7) / 12) : 0;
        return 1.8 * (0.05 + day);
    }

    private void Play((int Kind, int Slot, int Generation) move)
    {
        if (move.Kind == LogOut)
        {
            if (_sessionGenerations[move.Slot] == move.Generation)
            {
                End(move.Slot);
            }

            return;
        }

        if (_available.Count == 0)
        {
            // Refused for capacity; the user tries again in two minutes while attempts are left (the generation).
            Refused++;
            if (move.Generation > 0)
            {
                _moves.Push(_now + (2 * Minute), Retry, 0, move.Generation - 1);
            }

            return;
        }

        var instance = _available.Dequeue();
        _instanceStates[instance] = InUse;
        _inUse++;
        var session = _freeSessions.Count > 0 ? _freeSessions.Pop() : NewSlot(ref _sessionInstances, ref _sessionGenerations, ref _sessionSlots);
        _sessionInstances[session] = instance;
        Started++;

        // A lognormal stay (median 30 minutes, sigma 0.8), and the maximum duration, for which the engine sets a timer.
        var stay = (long)(30 * Minute * Math.Exp(0.8 * StandardNormal()));
        _moves.Push(_now + stay, LogOut, session, _sessionGenerations[session]);
        _expiries.Enqueue((_now + (12 * 60 * Minute), session, _sessionGenerations[session]));

        // The draws for a dropped connection and for walking away, as the real users make them.
        _ = _random.NextDouble() < 0.05 ? _random.NextDouble() : 0;
        _ = _random.NextDouble() < 0.02 ? _random.NextDouble() : 0;
    }

    private void Fire((int Kind, int Slot, int Generation) timer)
    {
        if (timer.Kind == MaximumDuration)
        {
            if (_sessionGenerations[timer.Slot] == timer.Generation)
            {
                End(timer.Slot);
            }
        }
        else if (_instanceGenerations[timer.Slot] == timer.Generation && _instanceStates[timer.Slot] == Provisioning)
        {
            _instanceStates[timer.Slot] = Available;
            _provisioning--;
            _available.Enqueue(timer.Slot);
        }
    }

    /// <summary>The session ends; its instance is terminated, and replaced while the fleet wants it.</summary>
    private void End(int session)
    {
        var instance = _sessionInstances[session];
        _sessionGenerations[session]++;
        _freeSessions.Push(session);
        Terminate(instance);
        _inUse--;
        Reconcile();
    }

    private void Terminate(int instance)
    {
        _instanceStates[instance] = Gone;
        _instanceGenerations[instance]++;
        _freeInstances.Push(instance);
    }

    private void Reconcile()
    {
        while (_provisioning + _available.Count + _inUse < _desired)
        {
            var instance = _freeInstances.Count > 0 ? _freeInstances.Pop() : NewSlot(ref _instanceGenerations, ref _instanceStates, ref _instanceSlots);
            _instanceStates[instance] = Provisioning;
            _provisioning++;
            _timers.Push(_now + (5 * Minute), Provisioned, instance, _instanceGenerations[instance]);
        }
    }

    /// <summary>Target tracking at 75 % between 2 and 150 instances: out at once, in at most every 15 minutes, taking idle instances.</summary>
    private void Scale()
    {
        var wanted = Math.Clamp((int)Math.Ceiling(_inUse / 0.75), 2, 150);
        if (wanted > _desired)
        {
            _desired = wanted;
            Reconcile();
        }
        else if (wanted < _desired && _now - _lastScaleIn >= 15 * Minute)
        {
            _desired = wanted;
            _lastScaleIn = _now;
            while (_provisioning + _available.Count + _inUse > _desired && _available.Count > 0)
            {
                Terminate(_available.Dequeue());
            }
        }
    }

    private static int NewSlot<TFirst, TSecond>(ref TFirst[] first, ref TSecond[] second, ref int slots)
    {
        if (slots == first.Length)
        {
            Array.Resize(ref first, slots * 2);
            Array.Resize(ref second, slots * 2);
        }

        return slots++;
    }

    private int Poisson(double mean)
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

    private double StandardNormal() =>
        Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
}
