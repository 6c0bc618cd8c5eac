using RegionSim.Sessions;

namespace RegionSim.Fleets;

/// <summary>
/// A fleet's sessions in progress by stack and user (a user has at most one per stack). Kept as a map per
/// stack keyed by user rather than one map keyed by the pair: ordinal string keys hash without the
/// randomized hash a pair of strings takes.
/// </summary>
/// <remarks>
/// Made from the fleet's sessions the first time a user is looked up, and kept from then on. The users of a
/// load simulation hold their sessions themselves and never ask by user, so their fleets never make it: two
/// map operations less per session (docs/benchmarks.md, "Where the fleets' time goes").
/// </remarks>
internal sealed class SessionsByUser(FleetGrainState state)
{
    private Dictionary<string, Dictionary<string, StreamingSessionState>>? _byStack;

    public bool TryFind(string stackName, string userId, out StreamingSessionState session)
    {
        session = null!;
        return Index().TryGetValue(stackName, out var byUser) && byUser.TryGetValue(userId, out session!);
    }

    /// <summary>The session becomes the user's on its stack.</summary>
    public void Set(StreamingSessionState session)
    {
        if (_byStack is not null)
        {
            Add(_byStack, session);
        }
    }

    /// <summary>The user has no session on the session's stack any more.</summary>
    public void Remove(StreamingSessionState session)
    {
        if (_byStack is not null && _byStack.TryGetValue(session.StackName, out var byUser))
        {
            byUser.Remove(session.UserId);
        }
    }

    /// <summary>Forgets the index: the next look-up makes it again from the fleet's sessions.</summary>
    public void Clear() => _byStack = null;

    private Dictionary<string, Dictionary<string, StreamingSessionState>> Index()
    {
        if (_byStack is null)
        {
            _byStack = new(StringComparer.Ordinal);
            foreach (var session in state.SessionsInProgress)
            {
                Add(_byStack, session);
            }
        }

        return _byStack;
    }

    private static void Add(Dictionary<string, Dictionary<string, StreamingSessionState>> byStack, StreamingSessionState session)
    {
        if (!byStack.TryGetValue(session.StackName, out var byUser))
        {
            byUser = new Dictionary<string, StreamingSessionState>(StringComparer.Ordinal);
            byStack.Add(session.StackName, byUser);
        }

        byUser[session.UserId] = session;
    }
}
