using RegionSim.Fleets;
using RegionSim.Resources;
using RegionSim.Sessions;
using RegionSim.Stacks;

namespace RegionSim.Simulation;

/// <summary>
/// The simulated users of one fleet, played against the fleet's engine: they arrive, work, sometimes lose
/// their connection or walk away, log out, and try again a while after being refused. The fleet's rules
/// (capacity, timeouts, maximum duration) decide what comes of it. Everything happens in time order,
/// users' moves interleaved with the engine's own timers.
/// </summary>
internal sealed class SimulatedFleetUsers
{
    // Arrivals are drawn a minute at a time, whatever the scenario's step, so that a run does not depend on it.
    private static readonly TimeSpan DrawSpan = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan LookAhead = TimeSpan.FromDays(2);

    private readonly UserArrivals _arrivals;
    private readonly SessionSetup _setup;
    private readonly StreamingConnectRequest _template;
    private readonly TimeOrderedQueue<UserMove> _moves = new();
    private readonly List<UserVisit> _drawn = [];
    private DateTimeOffset _drawnUntil;
    private int _drawnArrivalsWaiting;
    private long _attempts;
    private long _started;
    private long _refused;
    private int _peakSessions;
    private long _sessionSteps;
    private long _inUseSteps;
    private long _runningSteps;
    private FleetSample _last;
    private DateTimeOffset _lastStep;
    private TimeSpan _stepLength;

    // The samples of the last answer, kept to answer its steps again after a silo's death.
    private readonly List<FleetSample> _answered = [];
    private DateTimeOffset _answeredFrom;
    private DateTimeOffset _answeredUntil;

    /// <summary>The most steps one answer covers, so that an answer stays small.</summary>
    public const int MaxStepsAhead = 60;

    /// <summary>The user every simulated user's connection request names (each session is started for its own user).</summary>
    public const string RequestUser = "simulated-user";

    /// <summary>The users of <paramref name="fleet"/>, drawn from <paramref name="demand"/> with the scenario's seed, arriving from <paramref name="from"/>.</summary>
    public SimulatedFleetUsers(ResourceKey fleet, UserDemand demand, int seed, SessionSetup setup, DateTimeOffset from)
    {
        _arrivals = new UserArrivals(demand, seed);
        _setup = setup;
        _template = new StreamingConnectRequest
        {
            Region = fleet.Region,
            AccountId = fleet.Owner,
            StackName = demand.Stack,
            FleetName = fleet.Name,
            UserId = RequestUser,
            Expires = DateTimeOffset.MaxValue,
        };
        _drawnUntil = from;
        _lastStep = from;
        DrawUntilNextArrival(from);
    }

    /// <summary>The earliest user move still to come.</summary>
    private DateTimeOffset? NextMove => _moves.NextAt;

    /// <summary>
    /// One step of the region's simulation: the region's grant reaches the fleet, the users and the engine run
    /// to the step's end, and the slots the fleet no longer needs are given back. With
    /// <see cref="FleetStep.RunAheadUntil"/>, the fleet goes on through the next steps, as its region would
    /// step it, for as long as it needs nothing from the region: it stops at the first step that asks for slots
    /// or gives some back, at the limit, or after <see cref="MaxStepsAhead"/> steps. A step the fleet has
    /// already answered (asked again after a silo's death) gets the same samples, with nothing given back.
    /// </summary>
    public FleetStepResult Step(FleetEngine engine, FleetStep step)
    {
        if (_answered.Count > 0 && step.Until <= _answeredUntil)
        {
            var from = Math.Max(0, (int)((step.Until - _answeredFrom) / step.Length));
            return Result(engine, [.. _answered.Skip(from)], returned: 0, NextDue(engine, _answeredUntil, step.Length));
        }

        if (step.SlotsAsked > 0)
        {
            engine.SlotsGranted(step.SlotsGranted, step.SlotsAsked);
        }

        _answered.Clear();
        _answeredFrom = step.Until;
        var limit = step.RunAheadUntil is { } ahead && ahead > step.Until ? ahead : step.Until;
        var until = step.Until;
        var returned = 0;
        DateTimeOffset? due = null;
        while (true)
        {
            // The region's own rule (FleetStepResult.IsDueBy) on the answer the last step run would have given.
            if (until == step.Until || due <= until)
            {
                returned = RunStep(engine, until, step.Length);
                due = NextDue(engine, until, step.Length);
                _answered.Add(_last);
            }
            else
            {
                // Nothing due: the step passes as its region would pass it, without running the fleet.
                _answered.Add(_last.Quiet());
            }

            if (returned > 0 || engine.SlotsToLease > 0 || until + step.Length > limit || _answered.Count == MaxStepsAhead)
            {
                break;
            }

            until += step.Length;
        }

        _answeredUntil = until;
        return Result(engine, [.. _answered], returned, due);
    }

    /// <summary>Runs the step that ends at <paramref name="until"/>; answers the slots given back.</summary>
    private int RunStep(FleetEngine engine, DateTimeOffset until, TimeSpan length)
    {
        // Steps the fleet sat out (nothing due) still count in its means, as they were.
        CountQuietSteps((int)((until - _lastStep) / length) - 1);
        RunUntil(engine, until);
        _lastStep = until;
        _stepLength = length;

        var returned = engine.SlotsToReturn;
        if (returned > 0)
        {
            engine.SlotsReturned(returned);
        }

        return returned;
    }

    /// <summary>Plays every user move up to <paramref name="until"/> against the engine, then brings the engine there too.</summary>
    private FleetSample RunUntil(FleetEngine engine, DateTimeOffset until)
    {
        var before = (_attempts, _started, _refused, Ended: Ended(engine));
        DrawUntil(until);
        while (_moves.TryDequeueDue(until, out var move))
        {
            if (move.Drawn)
            {
                _drawnArrivalsWaiting--;
            }

            engine.AdvanceTo(move.At);
            Play(engine, move);
        }

        engine.AdvanceTo(until);
        DrawUntilNextArrival(until);

        var (desired, running, inUse, available) = engine.CapacityCounts;
        var sessions = engine.SessionsInProgress;
        _last = new FleetSample
        {
            Desired = desired,
            Running = running,
            InUse = inUse,
            Available = available,
            Pending = engine.PendingCount,
            Sessions = sessions,
            Attempts = (int)(_attempts - before._attempts),
            Started = (int)(_started - before._started),
            Ended = (int)(Ended(engine) - before.Ended),
            Refused = (int)(_refused - before._refused),
        };
        _peakSessions = Math.Max(_peakSessions, sessions);
        _sessionSteps += sessions;
        _inUseSteps += _last.InUse;
        _runningSteps += _last.Running;
        return _last;
    }

    /// <summary>Adds, for the steps the fleet was not called in, what it looked like then (nothing changed).</summary>
    private void CountQuietSteps(int steps)
    {
        if (steps <= 0)
        {
            return;
        }

        _sessionSteps += (long)_last.Sessions * steps;
        _inUseSteps += (long)_last.InUse * steps;
        _runningSteps += (long)_last.Running * steps;
    }

    /// <summary>The totals of a simulation that ended at <paramref name="end"/>: the steps after the fleet's last, when nothing was due, count as it was then.</summary>
    public FleetTotals Totals(string fleet, FleetEngine engine, DateTimeOffset end)
    {
        var quiet = _stepLength > TimeSpan.Zero && end > _lastStep ? (long)((end - _lastStep) / _stepLength) : 0;
        return new FleetTotals
        {
            Fleet = fleet,
            Attempts = _attempts,
            Started = _started,
            Ended = Ended(engine),
            Refused = _refused,
            PeakSessions = _peakSessions,
            SessionSteps = _sessionSteps + (_last.Sessions * quiet),
            InUseSteps = _inUseSteps + (_last.InUse * quiet),
            RunningSteps = _runningSteps + (_last.Running * quiet),
        };
    }

    private static FleetStepResult Result(FleetEngine engine, FleetSample[] samples, int returned, DateTimeOffset? nextDue) => new()
    {
        Samples = samples,
        SlotsWanted = engine.SlotsToLease,
        SlotsReturned = returned,
        InstanceType = engine.State.Settings!.InstanceType,
        NextDue = nextDue,
    };

    /// <summary>
    /// When the fleet next has work. The region calls it at the first step that reaches that time, so a user
    /// who moves within the next step says all the region needs to know: the engine's timers and scaling,
    /// which cost more to look at, are looked at only when no user moves that soon.
    /// </summary>
    private DateTimeOffset? NextDue(FleetEngine engine, DateTimeOffset until, TimeSpan length) =>
        NextMove is { } move && move <= until + length ? move : Earliest(engine.NextDue, NextMove);

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private long Ended(FleetEngine engine) => _started - engine.SessionsInProgress;

    private void Play(FleetEngine engine, in UserMove move)
    {
        switch (move.Kind)
        {
            case MoveKind.Arrive:
                Arrive(engine, move.Visit, move.At);
                break;

            case MoveKind.LogOut when FleetEngine.IsInProgress(move.Session!):
                engine.Act(move.Session!, UserAction.LogOut);
                break;

            case MoveKind.Disconnect when FleetEngine.IsInProgress(move.Session!):
                engine.Act(move.Session!, UserAction.Disconnect);
                Push(new UserMove(MoveKind.Reconnect, move.At + _arrivals.Demand.Behavior.ReconnectAfter, move.Visit, move.Session, move.SessionStart));
                break;

            case MoveKind.Reconnect:
                if (Resume(engine, move) is null)
                {
                    // Back too late: the session ended at the disconnect timeout; the user starts over for what is left of the work.
                    var left = move.Visit.Stay - (move.At - move.SessionStart);
                    if (left > TimeSpan.Zero)
                    {
                        Arrive(engine, move.Visit with { At = move.At, Stay = left, DisconnectAfter = null, IdleAfter = null }, move.At);
                    }
                }

                break;

            case MoveKind.Idle when FleetEngine.IsInProgress(move.Session!):
                engine.Act(move.Session!, UserAction.GoIdle);
                break;
        }
    }

    /// <summary>
    /// The user's session, brought back while it is in progress. A simulated user has at most one session at a
    /// time and holds it, so once it has ended there is none to come back to: asking the fleet by user would
    /// find nothing, and would make the fleet keep its index of sessions by user from then on.
    /// </summary>
    private static StreamingSessionState? Resume(FleetEngine engine, in UserMove move) =>
        FleetEngine.IsInProgress(move.Session!) ? engine.Resume(move.Session!) : null;

    private void Arrive(FleetEngine engine, UserVisit visit, DateTimeOffset now)
    {
        _attempts++;
        var session = engine.IsStreaming ? engine.StartSession(_template, visit.UserId, _setup) : Refuse(engine);
        if (session is null)
        {
            _refused++;
            if (visit.RetriesLeft > 0)
            {
                Push(new UserMove(MoveKind.Arrive, now + _arrivals.Demand.Behavior.RetryAfter, visit with { RetriesLeft = visit.RetriesLeft - 1 }, null, now));
            }

            return;
        }

        _started++;

        // A user who walks away before the work is done never logs out: the session ends at the fleet's idle and
        // disconnect timeouts, unless it has ended before. One who would walk away only as the work ends logs out.
        var walksAway = visit.IdleAfter is { } idleAfter && idleAfter < visit.Stay;
        if (!walksAway)
        {
            Push(new UserMove(MoveKind.LogOut, now + visit.Stay, visit, session, now));
        }

        if (visit.DisconnectAfter is { } disconnect)
        {
            Push(new UserMove(MoveKind.Disconnect, now + disconnect, visit, session, now));
        }

        if (walksAway)
        {
            Push(new UserMove(MoveKind.Idle, now + visit.IdleAfter!.Value, visit, session, now));
        }
    }

    private static StreamingSessionState? Refuse(FleetEngine engine)
    {
        engine.RefuseForCapacity();
        return null;
    }

    private void DrawUntil(DateTimeOffset until)
    {
        while (_drawnUntil < until)
        {
            DrawOneSpan();
        }
    }

    /// <summary>
    /// Draws ahead until a drawn arrival is waiting, so the fleet knows when its next new user comes and
    /// is not stepped past it (moves already queued, such as log-outs, may come later than that user).
    /// </summary>
    private void DrawUntilNextArrival(DateTimeOffset from)
    {
        var limit = from + LookAhead;
        while (_drawnArrivalsWaiting == 0 && _drawnUntil < limit)
        {
            DrawOneSpan();
        }
    }

    private void DrawOneSpan()
    {
        _drawn.Clear();
        _arrivals.ArrivalsBetween(_drawnUntil, _drawnUntil + DrawSpan, _drawn);
        foreach (var visit in _drawn)
        {
            Push(new UserMove(MoveKind.Arrive, visit.At, visit, null, visit.At, Drawn: true));
            _drawnArrivalsWaiting++;
        }

        _drawnUntil += DrawSpan;
    }

    private void Push(in UserMove move) => _moves.Enqueue(move, move.At);

    private enum MoveKind : byte
    {
        Arrive,
        LogOut,
        Disconnect,
        Reconnect,
        Idle,
    }

    /// <summary>
    /// A user's next move; <see cref="Drawn"/> marks a new user's first arrival (not a retry). The move holds
    /// the user's session itself, not its id: the users never look sessions up.
    /// </summary>
    private readonly record struct UserMove(MoveKind Kind, DateTimeOffset At, UserVisit Visit, StreamingSessionState? Session, DateTimeOffset SessionStart, bool Drawn = false);
}
