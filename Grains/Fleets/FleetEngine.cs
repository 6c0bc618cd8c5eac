using RegionSim.Regions;
using RegionSim.Resources;
using RegionSim.Sessions;
using RegionSim.Telemetry;
using RegionSim.Time;

namespace RegionSim.Fleets;

/// <summary>
/// A fleet as a simulation, without I/O. <see cref="AdvanceTo"/> makes everything due by a time happen in
/// time order (instances finish provisioning, sessions start and end, each minute closes its metrics and
/// lets scaling decide, scheduled actions run); the other methods are the operations that change the fleet.
/// It never calls a grain: what it needs from outside it leaves for its host — instance slots to lease
/// from or give back to the region (<see cref="SlotsToLease"/>, <see cref="SlotsToReturn"/>), profiles
/// for stacks to keep (<see cref="TakeProfileSaves"/>). The fleet grain hosts it; a load simulation can
/// step it the same way, and decide region capacity for many fleets at once.
/// </summary>
/// <remarks>
/// The engine works on the grain's persisted state; what it keeps beside it (timers, the queue of
/// available instances, counts, the index of sessions by user) is rebuilt from that state and never stored.
/// </remarks>
internal sealed partial class FleetEngine
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private const int CompactTimersAbove = 256;

    private readonly FleetGrainState _state;
    private readonly FleetRoster<FleetInstance> _instances;
    private readonly FleetRoster<StreamingSessionState> _sessions;
    private readonly string _keyText;
    private readonly uint _hash;
    private readonly PriorityQueue<FleetTimer, TimerOrder> _timers = new();

    // Available instances, longest available first: the next user gets the first. Held by reference, not
    // by id: a terminated one is skipped by its flag rather than looked up.
    private readonly Queue<FleetInstance> _available = new();
    private long _timerSequence;
    private int _provisioningCount;
    private int _availableCount;
    private int _inUseCount;
    private DateTimeOffset _now;
    private bool _changed;

    public FleetEngine(FleetGrainState state, ResourceKey key, DateTimeOffset now)
    {
        _state = state;
        TakeOverMaps(state);
        _instances = new(state.CurrentInstances);
        _sessions = new(state.SessionsInProgress);
        Key = key;
        _keyText = key.ToString();
        _hash = SessionIds.FleetHash(_keyText);
        _sessionsByUser = new SessionsByUser(state);
        _now = state.Exists && state.AdvancedTo < now ? state.AdvancedTo : now;
        Rebuild();
    }

    public ResourceKey Key { get; }

    public FleetGrainState State => _state;

    public DateTimeOffset Now => _now;

    /// <summary>How long things take; the host sets it from the simulation clock before each use.</summary>
    public SimulationTimings Timings { get; set; } = SimulationTimings.Default;

    private FleetSettings Settings => _state.Settings!;

    private bool IsElastic => Settings.FleetType == FleetType.Elastic;

    /// <summary>How many instances the fleet should have besides those hosting sessions.</summary>
    private int Target =>
        !_state.Exists || IsElastic || _state.ImageAccessRevoked || _state.State is not (FleetState.Running or FleetState.Starting)
            ? 0
            : _state.DesiredInstances;

    /// <summary>Instance slots to ask the region for now (0 while waiting to ask again after a short grant).</summary>
    public int SlotsToLease => _state.CapacityRetryAt is null ? Math.Max(0, Target - _state.Slots) : 0;

    /// <summary>Leased slots the fleet no longer needs.</summary>
    public int SlotsToReturn => Math.Max(0, _state.Slots - Math.Max(_instances.Count, Target));

    /// <summary>The capacity status, counted from the instances.</summary>
    public ComputeCapacityStatus CapacityStatus => IsElastic
        ? new ComputeCapacityStatus { Desired = _inUseCount, Running = _inUseCount, InUse = _inUseCount, Available = 0 }
        : new ComputeCapacityStatus
        {
            Desired = _state.DesiredInstances,
            Running = _availableCount + _inUseCount,
            InUse = _inUseCount,
            Available = _availableCount,
        };

    public int PendingCount => _provisioningCount;

    /// <summary>The capacity status's numbers without making one (the load simulation reads them every step).</summary>
    public (int Desired, int Running, int InUse, int Available) CapacityCounts => IsElastic
        ? (_inUseCount, _inUseCount, _inUseCount, 0)
        : (_state.DesiredInstances, _availableCount + _inUseCount, _inUseCount, _availableCount);

    /// <summary>When the fleet next has work: a timer, a retry of the region, or the minute at which scaling would next change it.</summary>
    public DateTimeOffset? NextDue
    {
        get
        {
            while (_timers.TryPeek(out var timer, out var order) && !IsCurrent(timer, order.Due))
            {
                _timers.Dequeue();
            }

            DateTimeOffset? next = _timers.TryPeek(out _, out var head) ? head.Due : null;
            next = Earliest(next, _state.CapacityRetryAt);
            return ScalingEvaluates ? Earliest(next, NextScalingChange()) : next;
        }
    }

    /// <summary>Whether anything was changed since the last call (the host then stores the state).</summary>
    public bool TakeChanged()
    {
        var changed = _changed;
        _changed = false;
        return changed;
    }

    /// <summary>Makes everything due by <paramref name="now"/> happen, in time order.</summary>
    public void AdvanceTo(DateTimeOffset now)
    {
        if (now < _now)
        {
            now = _now;
        }

        if (!_state.Exists)
        {
            _now = now;
            return;
        }

        while (_timers.TryPeek(out var timer, out var order) && order.DueTicks <= now.UtcTicks)
        {
            // Minutes that end first close first; their scaling may terminate or add what a timer waits for.
            var due = order.Due;
            CloseMinutesThrough(due);
            if (!_timers.TryPeek(out _, out var head) || head != order)
            {
                continue;
            }

            _timers.Dequeue();
            if (!IsCurrent(timer, due))
            {
                continue;
            }

            _now = due > _now ? due : _now;
            Fire(timer, due);
            _changed = true;
            Reconcile();
        }

        CloseMinutesThrough(now);
        _now = now;
        _state.AdvancedTo = now;
        if (_state.CapacityRetryAt is { } retry && retry <= now)
        {
            _state.CapacityRetryAt = null;
            _changed = true;
        }

        Reconcile();
    }

    /// <summary>Makes a new fleet (STOPPED) at the current time.</summary>
    public void Create(FleetSettings settings, int desiredInstances, IReadOnlyDictionary<string, string>? tags)
    {
        _state.Exists = true;
        _state.Settings = settings;
        _state.State = FleetState.Stopped;
        _state.DesiredInstances = desiredInstances;
        _state.CreatedTime = _now;
        _state.AdvancedTo = _now;
        _state.Metrics.OpenMinute = FloorToMinute(_now);
        _state.Tags = tags?.ToDictionary(StringComparer.Ordinal) ?? new(StringComparer.Ordinal);
        _changed = true;
        _sessionPrefix = null;
        _plainStart = null;
        Rebuild();
    }

    public void Start()
    {
        _state.State = FleetState.Starting;
        SetStateDue(_now + Timings.FleetStart);
        Reconcile();
    }

    /// <summary>STOPPING: every session ends, every instance goes.</summary>
    public void Stop()
    {
        _state.State = FleetState.Stopping;
        SetStateDue(_now + Timings.FleetStop);
        EndAllSessions(SessionEndReason.FleetStopped);
        Reconcile();
    }

    public void SetDesired(int desiredInstances)
    {
        _state.DesiredInstances = desiredInstances;
        _changed = true;
        Reconcile();
    }

    public void SetSettings(FleetSettings settings)
    {
        _state.Settings = settings;
        _plainStart = null;
        _changed = true;
        RescheduleSessions();
    }

    /// <summary>
    /// The fleet moves to another image: instances not hosting a session are replaced by instances of the
    /// new one (reusing their slots); those in use go when their sessions end.
    /// </summary>
    public void ChangeImage(FleetSettings settings)
    {
        SetSettings(settings);
        TerminateIdle(int.MaxValue);
        Reconcile();
    }

    /// <summary>The account may no longer use <paramref name="imageKey"/>; answers whether that is this fleet's image.</summary>
    public bool RevokeImageAccess(string imageKey)
    {
        if (!_state.Exists || _state.ImageAccessRevoked || Settings.ImageKey != imageKey)
        {
            return false;
        }

        _state.ImageAccessRevoked = true;
        _state.DesiredBeforeRevocation = _state.DesiredInstances;
        _state.DesiredInstances = 0;
        _changed = true;
        RegionSimTelemetry.FleetsRevoked.Add(1);
        Reconcile();
        return true;
    }

    /// <summary>An update named an image the account may use: capacity comes back (as asked, or as it was before the revocation).</summary>
    public void LiftRevocation(int? desiredInstances)
    {
        _state.ImageAccessRevoked = false;
        _state.DesiredInstances = desiredInstances ?? _state.DesiredBeforeRevocation;
        _state.DesiredBeforeRevocation = 0;
        _changed = true;
        Reconcile();
    }

    /// <summary>The region granted <paramref name="granted"/> of the <paramref name="asked"/> slots; short grants are asked again a minute later.</summary>
    public void SlotsGranted(int granted, int asked)
    {
        _state.Slots += granted;
        _state.CapacityShortfall = asked - granted;
        _state.CapacityRetryAt = granted < asked ? _now + Minute : null;
        _changed = true;
        Reconcile();
    }

    public void SlotsReturned(int count)
    {
        _state.Slots -= count;
        _changed = true;
    }

    /// <summary>
    /// Brings the instances to the target: idle ones beyond it are terminated (those in use never are), and
    /// missing ones are provisioned on slots the fleet already holds — a terminated instance's replacement
    /// reuses its slot without asking the region. Slots still missing or no longer needed are left in
    /// <see cref="SlotsToLease"/> and <see cref="SlotsToReturn"/>.
    /// </summary>
    private void Reconcile()
    {
        if (!_state.Exists)
        {
            return;
        }

        var target = Target;
        if (_instances.Count > target && _provisioningCount + _availableCount > 0)
        {
            TerminateIdle(_instances.Count - target);
        }

        var reuse = Math.Min(_state.Slots - _instances.Count, target - _instances.Count);
        for (var i = 0; i < reuse; i++)
        {
            Provision();
        }
    }

    private void Provision()
    {
        var instance = new FleetInstance
        {
            FleetHash = _hash,
            Number = ++_state.InstancesMade,
            State = FleetInstanceState.Provisioning,
            At = _now + Timings.FleetInstanceProvisioning,
            AgentVersion = LaunchAgentVersion(),
        };
        _instances.Add(instance);
        _provisioningCount++;
        _changed = true;
        Push(instance.At, TimerKind.Instance, instance);
    }

    /// <summary>
    /// The agent of an instance launched now. ELASTIC fleets have no image of their own: AppStream streams
    /// their app blocks on its platform images, which the simulator keeps on the newest agent.
    /// </summary>
    private string LaunchAgentVersion() => Settings.ImageAgent is { } agent
        ? AgentReleaseCatalog.AtLaunch(agent, _now)
        : AgentReleaseCatalog.LatestAt(_now).Version;

    /// <summary>Terminates up to <paramref name="count"/> instances that host no session: provisioning ones first (newest first), then available ones.</summary>
    private void TerminateIdle(int count)
    {
        if (_provisioningCount > 0 && count > 0)
        {
            var provisioning = new List<FleetInstance>(_provisioningCount);
            foreach (var instance in _instances)
            {
                if (instance.State == FleetInstanceState.Provisioning)
                {
                    provisioning.Add(instance);
                }
            }

            provisioning.Sort((a, b) => a.At != b.At ? b.At.CompareTo(a.At) : string.CompareOrdinal(b.Id, a.Id));
            for (var i = 0; i < provisioning.Count && count > 0; i++, count--)
            {
                Terminate(provisioning[i]);
            }
        }

        while (count > 0 && TryTakeAvailable(out var instance))
        {
            Terminate(instance);
            count--;
        }
    }

    private bool TryTakeAvailable(out FleetInstance instance)
    {
        while (_available.TryDequeue(out instance!))
        {
            if (!instance.Terminated && instance.State == FleetInstanceState.Available)
            {
                return true;
            }
        }

        instance = null!;
        return false;
    }

    /// <summary>The instance is gone; its slot stays with the fleet until reused or given back.</summary>
    private void Terminate(FleetInstance instance)
    {
        _instances.Remove(instance);
        Terminated(instance);
    }

    /// <summary>What follows an instance's removal from the fleet's instances.</summary>
    private void Terminated(FleetInstance instance)
    {
        instance.Terminated = true;
        switch (instance.State)
        {
            case FleetInstanceState.Provisioning: _provisioningCount--; break;
            case FleetInstanceState.Available: _availableCount--; break;
            case FleetInstanceState.InUse: _inUseCount--; break;
        }

        _changed = true;
    }

    private void SetInUse(FleetInstance instance, StreamingSessionState session)
    {
        if (instance.State == FleetInstanceState.Available)
        {
            _availableCount--;
        }

        instance.State = FleetInstanceState.InUse;
        instance.Session = session;
        _inUseCount++;
    }

    private void SetStateDue(DateTimeOffset due)
    {
        _state.StateDue = due;
        _changed = true;
        Push(due, TimerKind.FleetTransition, null);
    }

    private void Fire(in FleetTimer timer, DateTimeOffset due)
    {
        switch (timer.Kind)
        {
            case TimerKind.Instance:
                var instance = (FleetInstance)timer.Target!;
                instance.State = FleetInstanceState.Available;
                instance.At = due;
                _provisioningCount--;
                _availableCount++;
                _available.Enqueue(instance);
                break;

            case TimerKind.Session:
                Process((StreamingSessionState)timer.Target!);
                break;

            case TimerKind.FleetTransition:
                _state.StateDue = null;
                _state.State = _state.State == FleetState.Starting ? FleetState.Running : FleetState.Stopped;
                break;

            case TimerKind.ScheduledAction:
                RunScheduledAction((string)timer.Target!);
                break;
        }
    }

    /// <summary>
    /// Timers are never removed when what they wait for changes; one that no longer matches its thing is
    /// skipped. A timer holds its instance or session itself: one terminated or ended is no longer the
    /// fleet's (timers are made again from the state whenever the state is).
    /// </summary>
    private bool IsCurrent(in FleetTimer timer, DateTimeOffset due) => timer.Kind switch
    {
        TimerKind.Instance => timer.Target is FleetInstance { Terminated: false, State: FleetInstanceState.Provisioning } instance && instance.At == due,
        TimerKind.Session => timer.Target is StreamingSessionState session && IsInProgress(session) && NextDueOf(session) == due,
        TimerKind.FleetTransition => _state.StateDue == due,
        TimerKind.ScheduledAction => FindScheduledAction((string)timer.Target!)?.Action.NextRun == due,
        _ => false,
    };

    private void Push(DateTimeOffset due, TimerKind kind, object? target)
    {
        _timers.Enqueue(new FleetTimer(kind, target), new TimerOrder(due.UtcTicks, ++_timerSequence));

        // Stale timers stay queued until their time (a session's maximum-duration timer waits for hours after
        // the session ends): when they are most of the queue, the queue is made again from what is current.
        if (_timers.Count > CompactTimersAbove && _timers.Count > 4 * (_provisioningCount + _sessions.Count + _state.Scaling.ScheduledActions.Count + 1))
        {
            _timers.Clear();
            PushCurrentTimers();
        }
    }

    /// <summary>Rebuilds what the engine keeps beside the state: counts, timers, the queue of available instances. The index of sessions by user is made again when first asked.</summary>
    private void Rebuild()
    {
        _timers.Clear();
        _available.Clear();
        _sessionsByUser.Clear();
        _provisioningCount = _availableCount = _inUseCount = 0;
        if (!_state.Exists)
        {
            return;
        }

        var available = new List<FleetInstance>();
        foreach (var instance in _instances)
        {
            switch (instance.State)
            {
                case FleetInstanceState.Provisioning:
                    _provisioningCount++;
                    break;
                case FleetInstanceState.Available:
                    _availableCount++;
                    available.Add(instance);
                    break;
                case FleetInstanceState.InUse:
                    _inUseCount++;
                    break;
            }
        }

        available.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : string.CompareOrdinal(a.Id, b.Id));
        foreach (var instance in available)
        {
            _available.Enqueue(instance);
        }

        LinkSessionsToInstances();
        PushCurrentTimers();
    }

    /// <summary>Gives each session in progress its instance, which the state names by id only.</summary>
    private void LinkSessionsToInstances()
    {
        if (_sessions.Count == 0)
        {
            return;
        }

        var inUse = new Dictionary<string, FleetInstance>(_inUseCount, StringComparer.Ordinal);
        foreach (var instance in _instances)
        {
            if (instance.State == FleetInstanceState.InUse)
            {
                inUse[instance.Id] = instance;
            }
        }

        foreach (var session in _sessions)
        {
            session.Instance = inUse.GetValueOrDefault(session.InstanceId);
        }
    }

    /// <summary>A fleet stored before its instances and sessions were lists kept them in maps by id: they move to the lists (and leave storage with the fleet's next write).</summary>
    private static void TakeOverMaps(FleetGrainState state)
    {
        if (state.Instances is { } instances)
        {
            state.CurrentInstances.AddRange(instances.Values);
            state.Instances = null;
        }

        if (state.Sessions is { } sessions)
        {
            state.SessionsInProgress.AddRange(sessions.Values);
            state.Sessions = null;
        }
    }

    /// <summary>A timer for everything that waits: provisioning instances, sessions, the fleet's transition, scheduled actions.</summary>
    private void PushCurrentTimers()
    {
        foreach (var instance in _instances)
        {
            if (instance.State == FleetInstanceState.Provisioning)
            {
                Push(instance.At, TimerKind.Instance, instance);
            }
        }

        foreach (var session in _sessions)
        {
            Schedule(session);
        }

        if (_state.StateDue is { } due)
        {
            Push(due, TimerKind.FleetTransition, null);
        }

        foreach (var scheduled in _state.Scaling.ScheduledActions)
        {
            if (scheduled.Action.NextRun is { } next)
            {
                Push(next, TimerKind.ScheduledAction, scheduled.Action.ScheduledActionName);
            }
        }
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static DateTimeOffset FloorToMinute(DateTimeOffset time) =>
        new(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);

    private enum TimerKind : byte
    {
        Instance,
        Session,
        FleetTransition,
        ScheduledAction,
    }

    /// <summary>What a timer is for: the <see cref="FleetInstance"/>, the <see cref="StreamingSessionState"/>, the scheduled action's name, or nothing (the fleet's transition).</summary>
    private readonly record struct FleetTimer(TimerKind Kind, object? Target);

    /// <summary>
    /// When a timer is due, then the order timers were set: two timers due at once fire in the order they were
    /// set. The time is kept as UTC ticks, not a DateTimeOffset, so that a queue entry is 32 bytes, not 56: the
    /// queue's sifting moves entries at every timer set and fired.
    /// </summary>
    private readonly record struct TimerOrder(long DueTicks, long Sequence) : IComparable<TimerOrder>
    {
        public DateTimeOffset Due => new(DueTicks, TimeSpan.Zero);

        public int CompareTo(TimerOrder other) => DueTicks != other.DueTicks ? DueTicks.CompareTo(other.DueTicks) : Sequence.CompareTo(other.Sequence);
    }
}
