namespace RegionSim.Errors;

/// <summary>
/// A grain call that failed because it did not reach its grain or its answer did not come back — the silo
/// died, the message was rejected on the way, or the call timed out — rather than because the grain refused
/// it. Such a call may or may not have happened; the caller tries again later.
/// </summary>
public static class UndeliveredCall
{
    public static bool Is(Exception error) =>
        error is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException
        || (error is AggregateException aggregate && aggregate.InnerExceptions.Any(Is))
        || (error.InnerException is { } inner && Is(inner));
}
