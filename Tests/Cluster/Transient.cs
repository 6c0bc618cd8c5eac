using Orleans.Runtime;

namespace RegionSim.Tests.Cluster;

/// <summary>
/// Calls made just after a silo died may find an activation the cluster has not yet moved; a client
/// tries such a call again, as an AWS SDK retries a 5xx.
/// </summary>
public static class Transient
{
    public static async Task<T> RetryAsync<T>(Func<Task<T>> call, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception error) when (IsTransient(error) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    private static bool IsTransient(Exception error) =>
        error is OrleansMessageRejectionException or SiloUnavailableException or TimeoutException
        || error.InnerException is { } inner && IsTransient(inner);
}
