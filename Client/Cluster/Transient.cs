using RegionSim.Errors;
using RegionSim.Simulation;

namespace RegionSim.Client.Cluster;

/// <summary>
/// Errors a call meets while a silo dies and the cluster takes its grains elsewhere: the silo is gone,
/// its messages are rejected, the call times out, or a grain lost what it kept in memory. A client tries
/// such a call again a little later, as an AWS SDK retries a 5xx.
/// </summary>
public static class Transient
{
    public static readonly TimeSpan DefaultPatience = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(200);

    public static bool IsTransient(Exception error) =>
        UndeliveredCall.Is(error)
        || error is SimulationStateLostException
        || (error is AggregateException aggregate && aggregate.InnerExceptions.Any(IsTransient))
        || (error.InnerException is { } inner && IsTransient(inner));

    public static async Task<T> RetryAsync<T>(Func<Task<T>> call, TimeSpan? patience = null)
    {
        var deadline = DateTime.UtcNow + (patience ?? DefaultPatience);
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception error) when (IsTransient(error) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(Pause);
            }
        }
    }

    public static Task RetryAsync(Func<Task> call, TimeSpan? patience = null) =>
        RetryAsync(async () =>
        {
            await call();
            return true;
        }, patience);
}
