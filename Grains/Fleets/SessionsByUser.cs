using RegionSim.Sessions;

namespace RegionSim.Fleets;

/// <summary>
/// A fleet's sessions in progress by stack and user (a user has at most one per stack). Kept as a map per
/// stack keyed by user rather than one map keyed by the pair: ordinal string keys hash without the
/// randomized hash a pair of strings takes, which counts when every session starts and ends here.
/// </summary>
internal sealed class SessionsByUser
{
    private readonly Dictionary<string, Dictionary<string, StreamingSessionState>> _byStack = new(StringComparer.Ordinal);

    public bool TryFind(string stackName, string userId, out StreamingSessionState session)
    {
        session = null!;
        return _byStack.TryGetValue(stackName, out var byUser) && byUser.TryGetValue(userId, out session!);
    }

    /// <summary>The session becomes the user's on its stack.</summary>
    public void Set(StreamingSessionState session)
    {
        if (!_byStack.TryGetValue(session.StackName, out var byUser))
        {
            byUser = new Dictionary<string, StreamingSessionState>(StringComparer.Ordinal);
            _byStack.Add(session.StackName, byUser);
        }

        byUser[session.UserId] = session;
    }

    /// <summary>The user has no session on the session's stack any more.</summary>
    public void Remove(StreamingSessionState session)
    {
        if (_byStack.TryGetValue(session.StackName, out var byUser))
        {
            byUser.Remove(session.UserId);
        }
    }

    public void Clear() => _byStack.Clear();
}
