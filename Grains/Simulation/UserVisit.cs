namespace RegionSim.Simulation;

/// <summary>
/// One simulated user's visit to a fleet: when the user arrives and what the user means to do there.
/// The fleet's rules (timeouts, maximum duration, capacity) decide what actually happens.
/// </summary>
internal readonly record struct UserVisit(
    string UserId,
    DateTimeOffset At,
    TimeSpan Stay,
    TimeSpan? DisconnectAfter,
    TimeSpan? IdleAfter,
    int RetriesLeft);
