using RegionSim.Errors;
using RegionSim.Sessions;
using RegionSim.Stacks;
using RegionSim.Telemetry;
using RegionSim.Validation;

namespace RegionSim.Fleets;

/// <summary>Streaming sessions: PENDING → ACTIVE → EXPIRED, each on its own instance, which goes when the session ends.</summary>
internal sealed partial class FleetEngine
{
    private static readonly KeyValuePair<string, object?>[] EndReasonTags =
        Enum.GetValues<SessionEndReason>().Select(reason => new KeyValuePair<string, object?>("reason", reason.ToString())).ToArray();

    /// <summary>How many ended sessions a fleet remembers at least (for <see cref="Details"/>).</summary>
    public const int EndedSessionsKept = 100;

    private static readonly IReadOnlyDictionary<string, string> NoSettings = new Dictionary<string, string>();

    private readonly SessionsByUser _sessionsByUser;

    // Made once rather than per session: every session of the fleet shares them (until its settings change).
    private string? _sessionPrefix;
    private SessionStart? _plainStart;
    private List<ProfileSave>? _profileSaves;

    /// <summary>Whether users can start sessions now.</summary>
    public bool IsStreaming => _state.Exists && _state.State == FleetState.Running;

    /// <summary>Sessions PENDING or ACTIVE.</summary>
    public int SessionsInProgress => _sessions.Count;

    /// <summary>Whether a session the fleet made is still in progress: only ending one takes it from the fleet's sessions, and ending makes it EXPIRED.</summary>
    public static bool IsInProgress(StreamingSessionState session) => session.State != SessionState.Expired;

    /// <summary>Whether an ELASTIC fleet is below its MaxConcurrentSessions.</summary>
    public bool HasElasticRoom => _inUseCount < (Settings.MaxConcurrentSessions ?? 0);

    /// <summary>The user's session in progress from that stack, brought back (reconnected, no longer idle), or null.</summary>
    public StreamingSessionState? Resume(string stackName, string userId)
    {
        return _sessionsByUser.TryFind(stackName, userId, out var session) ? Resume(session) : null;
    }

    /// <summary>That session, in progress, brought back (reconnected, no longer idle).</summary>
    public StreamingSessionState Resume(StreamingSessionState session)
    {
        session.DisconnectDeadline = null;
        session.IdleSince = null;
        session.Connected = session.State == SessionState.Active;
        _changed = true;
        Schedule(session);
        return session;
    }

    /// <summary>
    /// ALWAYS_ON and ON_DEMAND fleets: a new session on the instance longest available — at once on an
    /// ALWAYS_ON fleet, after the instance starts on an ON_DEMAND one. Null, counted as an
    /// InsufficientCapacityError, when no instance is available.
    /// </summary>
    public StreamingSessionState? StartSession(StreamingConnectRequest request, SessionSetup setup) => StartSession(request, request.UserId, setup);

    /// <summary>As <see cref="StartSession(StreamingConnectRequest, SessionSetup)"/>, for <paramref name="userId"/> rather than the request's user (simulated users share one request).</summary>
    public StreamingSessionState? StartSession(StreamingConnectRequest request, string userId, SessionSetup setup)
    {
        if (!TryTakeAvailable(out var instance))
        {
            RefuseForCapacity();
            return null;
        }

        var startup = Settings.FleetType == FleetType.OnDemand ? Timings.OnDemandInstanceStart : TimeSpan.Zero;
        var session = NewSession(request, userId, setup, instance, startup);
        SetInUse(instance, session);
        return session;
    }

    /// <summary>ELASTIC fleets: a new session on an instance from the pool, whose slot the host has just leased.</summary>
    public StreamingSessionState StartElasticSession(StreamingConnectRequest request, SessionSetup setup)
    {
        _state.Slots++;
        var instance = new FleetInstance { FleetHash = _hash, Number = ++_state.InstancesMade, At = _now, AgentVersion = LaunchAgentVersion() };
        _instances.Add(instance);
        var session = NewSession(request, request.UserId, setup, instance, Timings.ElasticInstanceStart);
        SetInUse(instance, session);
        return session;
    }

    /// <summary>A connection found no capacity: counted in the minute's InsufficientCapacityError.</summary>
    public void RefuseForCapacity()
    {
        _state.Metrics.OpenInsufficient++;
        _changed = true;
        RegionSimTelemetry.ConnectionsRefused.Add(1, new KeyValuePair<string, object?>("fleet", _keyText));
    }

    /// <summary>What the user does in a session in progress; ResourceNotFound when there is no such session.</summary>
    public StreamingSessionState Act(string sessionId, UserAction action)
    {
        return _sessions.TryGet(sessionId, out var session) ? Act(session, action) : throw NoSession(sessionId);
    }

    /// <summary>What the user does in that session, which is in progress (<see cref="IsInProgress"/>).</summary>
    public StreamingSessionState Act(StreamingSessionState session, UserAction action)
    {
        switch (action.Kind)
        {
            case UserActionKind.Disconnect when session.DisconnectDeadline is null:
                session.Connected = false;
                session.IdleSince = null;
                session.DisconnectDeadline = _now + TimeSpan.FromSeconds(Settings.DisconnectTimeoutInSeconds);
                break;
            case UserActionKind.LogOut:
                End(session, SessionEndReason.LogOut);
                Reconcile();
                return session;
            case UserActionKind.GoIdle when session.Connected && session.IdleSince is null:
                session.IdleSince = _now;
                break;
            case UserActionKind.BecomeActive:
                session.IdleSince = null;
                break;
            case UserActionKind.ChangeProfileSetting:
                (session.ProfileChanges ??= new(StringComparer.Ordinal))[action.Name!] = action.Value ?? "";
                break;
            case UserActionKind.InstallSoftware:
                (session.SoftwareInstalled ??= []).Add(action.Name!);
                break;
            case UserActionKind.Reconnect:
                return Resume(session.StackName, session.UserId)!;
        }

        _changed = true;
        Schedule(session);
        return session;
    }

    /// <summary>ExpireSession; answers whether the fleet had the session.</summary>
    public bool Expire(string sessionId)
    {
        if (!_sessions.TryGet(sessionId, out var session))
        {
            return false;
        }

        End(session, SessionEndReason.Expired);
        Reconcile();
        return true;
    }

    /// <summary>Profiles of users whose sessions ended, for their stacks to keep; the host sends them.</summary>
    public List<ProfileSave>? TakeProfileSaves()
    {
        var saves = _profileSaves;
        _profileSaves = null;
        return saves;
    }

    public DescribeSessionsResponse DescribeSessions(DescribeSessionsRequest request, int offset, int limit)
    {
        var matching = new List<StreamingSessionState>();
        foreach (var session in _sessions)
        {
            if (session.StackName == request.StackName
                && (request.UserId is null || session.UserId == request.UserId)
                && (request.AuthenticationType is null || session.AuthenticationType == request.AuthenticationType)
                && (request.InstanceId is null || session.InstanceId == request.InstanceId))
            {
                matching.Add(session);
            }
        }

        matching.Sort((a, b) => a.Number.CompareTo(b.Number));
        var (page, next) = Paging.Slice(matching, offset, limit);
        return new DescribeSessionsResponse { Sessions = page.Select(View).ToList(), NextToken = next };
    }

    public SessionDetails? Details(string sessionId)
    {
        if (!_sessions.TryGet(sessionId, out var session))
        {
            session = _state.EndedSessions.FindLast(ended => ended.Id == sessionId);
        }

        return session is null ? null : new SessionDetails
        {
            Session = View(session),
            StartedFrom = session.StartedFrom,
            ProfileChanges = session.ProfileChanges is null ? NoSettings : new Dictionary<string, string>(session.ProfileChanges),
            SoftwareInstalled = session.SoftwareInstalled is null ? [] : [.. session.SoftwareInstalled],
            EndedAt = session.EndedAt,
            EndReason = session.EndReason,
        };
    }

    public int CountSessions(string stackName)
    {
        var count = 0;
        foreach (var session in _sessions)
        {
            count += session.StackName == stackName ? 1 : 0;
        }

        return count;
    }

    public Session View(StreamingSessionState session) => new()
    {
        Id = session.Id,
        UserId = session.UserId,
        StackName = session.StackName,
        FleetName = Key.Name,
        State = session.State,
        ConnectionState = session.Connected ? SessionConnectionState.Connected : SessionConnectionState.NotConnected,
        StartTime = session.StartTime,
        MaxExpirationTime = session.MaxExpirationTime,
        AuthenticationType = session.AuthenticationType,
        InstanceId = session.InstanceId,
    };

    private StreamingSessionState NewSession(StreamingConnectRequest request, string userId, SessionSetup setup, FleetInstance instance, TimeSpan startup)
    {
        var number = ++_state.SessionsMade;
        var persisted = setup.ApplicationSettingsEnabled;
        var session = new StreamingSessionState
        {
            IdPrefix = _sessionPrefix ??= SessionIds.SessionPrefix(_hash, _state.CreatedTime.UtcTicks),
            Number = number,
            UserId = userId,
            StackName = request.StackName,
            AuthenticationType = request.AuthenticationType,
            Instance = instance,
            State = startup > TimeSpan.Zero ? SessionState.Pending : SessionState.Active,
            Connected = startup <= TimeSpan.Zero,
            StartTime = _now,
            ActiveAt = _now + startup,
            MaxExpirationTime = _now + TimeSpan.FromSeconds(Settings.MaxUserDurationInSeconds),
            ApplicationId = request.ApplicationId,
            SessionContext = request.SessionContext,
            StartedFrom = persisted ? StartFrom(instance, setup.ProfileSettings, persisted: true) : PlainStart(instance),
            SettingsGroup = persisted ? setup.SettingsGroup : null,
        };
        _sessions.Add(session);
        _sessionsByUser.Set(session);
        _changed = true;
        Schedule(session);
        RegionSimTelemetry.SessionsStarted.Add(1);
        return session;
    }

    /// <summary>What a session starts from: the fleet's image, the instance's agent, and the user's persisted settings when the stack keeps them.</summary>
    private SessionStart StartFrom(FleetInstance instance, IReadOnlyDictionary<string, string> profile, bool persisted) => new()
    {
        ImageArn = Settings.ImageArn ?? "",
        Software = Settings.ImageSoftware,
        ProfileSettings = profile,
        ApplicationSettingsPersisted = persisted,
        AgentVersion = instance.AgentVersion,
    };

    /// <summary>A start without persisted settings: shared by every such session on instances with the same agent.</summary>
    private SessionStart PlainStart(FleetInstance instance) =>
        _plainStart is { } start && start.AgentVersion == instance.AgentVersion
            ? start
            : _plainStart = StartFrom(instance, NoSettings, persisted: false);

    /// <summary>Whatever is due for the session now: it becomes ACTIVE, reaches its maximum duration, times out disconnected, or goes idle long enough to be disconnected.</summary>
    private void Process(StreamingSessionState session)
    {
        if (session.State == SessionState.Pending && _now >= session.ActiveAt)
        {
            session.State = SessionState.Active;
            session.Connected = session.DisconnectDeadline is null;
        }

        if (_now >= session.MaxExpirationTime)
        {
            End(session, SessionEndReason.MaxUserDuration);
            return;
        }

        if (session.DisconnectDeadline is { } deadline && _now >= deadline)
        {
            End(session, SessionEndReason.DisconnectTimeout);
            return;
        }

        if (IdleDeadline(session) is { } idle && _now >= idle)
        {
            // Idle long enough: the user is disconnected, and the disconnect timeout starts.
            session.Connected = false;
            session.IdleSince = null;
            session.DisconnectDeadline = idle + TimeSpan.FromSeconds(Settings.DisconnectTimeoutInSeconds);
        }

        Schedule(session);
    }

    /// <summary>The session ends: EXPIRED, its instance terminated (the host's reconcile decides on a replacement), the user's profile sent to the stack when it persists it.</summary>
    private void End(StreamingSessionState session, SessionEndReason reason)
    {
        _sessions.Remove(session);
        _sessionsByUser.Remove(session);
        session.State = SessionState.Expired;
        session.Connected = false;
        session.DisconnectDeadline = null;
        session.IdleSince = null;
        session.EndedAt = _now;
        session.EndReason = reason;
        // The oldest go in batches, not one by one: keeping between one and two hundred costs nothing, while
        // shifting a hundred references at every session's end does.
        _state.EndedSessions.Add(session);
        if (_state.EndedSessions.Count > 2 * EndedSessionsKept)
        {
            _state.EndedSessions.RemoveRange(0, _state.EndedSessions.Count - EndedSessionsKept);
        }

        if (session.Instance is { } instance && _instances.Remove(instance))
        {
            Terminated(instance);
        }

        if (session.SettingsGroup is not null && session.ProfileChanges is { Count: > 0 } changes)
        {
            var profile = new Dictionary<string, string>(session.StartedFrom.ProfileSettings, StringComparer.Ordinal);
            foreach (var (name, value) in changes)
            {
                profile[name] = value;
            }

            (_profileSaves ??= []).Add(new ProfileSave
            {
                StackName = session.StackName,
                SettingsGroup = session.SettingsGroup,
                UserId = session.UserId,
                ProfileSettings = profile,
            });
        }

        _changed = true;
        RegionSimTelemetry.SessionsEnded.Add(1, EndReasonTags[(int)reason]);
    }

    private void EndAllSessions(SessionEndReason reason)
    {
        var sessions = _sessions.OrderBy(session => session.Number).ToList();
        foreach (var session in sessions)
        {
            End(session, reason);
        }
    }

    /// <summary>After the fleet's timeouts change, every session's next moment may have moved.</summary>
    private void RescheduleSessions()
    {
        foreach (var session in _sessions)
        {
            Schedule(session);
        }
    }

    private void Schedule(StreamingSessionState session) => Push(NextDueOf(session), TimerKind.Session, session);

    private DateTimeOffset NextDueOf(StreamingSessionState session)
    {
        var next = session.MaxExpirationTime;
        if (session.State == SessionState.Pending && session.ActiveAt < next)
        {
            next = session.ActiveAt;
        }

        if (session.DisconnectDeadline is { } deadline && deadline < next)
        {
            next = deadline;
        }

        return IdleDeadline(session) is { } idle && idle < next ? idle : next;
    }

    private DateTimeOffset? IdleDeadline(StreamingSessionState session) =>
        session.Connected && session.IdleSince is { } since && Settings.IdleDisconnectTimeoutInSeconds > 0
            ? since + TimeSpan.FromSeconds(Settings.IdleDisconnectTimeoutInSeconds)
            : null;

    private static AppStreamException NoSession(string sessionId) =>
        AppStreamException.NotFound($"No streaming session {sessionId} is in progress.");
}
