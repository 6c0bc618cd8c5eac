namespace RegionSim.Images;

/// <summary>
/// Permission changes for one recipient account take turns, so that its account hears them in the order
/// they were made; changes for different recipients run side by side (an image revoked for a hundred
/// accounts tells them all at once). Used on the image's scheduler only.
/// </summary>
internal sealed class RecipientTurns
{
    private const ConfigureAwaitOptions AfterPrevious = ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.SuppressThrowing;

    private readonly Dictionary<string, Task> _last = new(StringComparer.Ordinal);

    public async Task<T> RunAsync<T>(string recipient, Func<Task<T>> change)
    {
        var turn = RunAfterAsync(_last.GetValueOrDefault(recipient, Task.CompletedTask), change);
        _last[recipient] = turn;
        try
        {
            return await turn;
        }
        finally
        {
            if (_last.TryGetValue(recipient, out var last) && last == turn)
            {
                _last.Remove(recipient);
            }
        }
    }

    public Task RunAsync(string recipient, Func<Task> change) =>
        RunAsync(recipient, async () =>
        {
            await change();
            return true;
        });

    private static async Task<T> RunAfterAsync<T>(Task previous, Func<Task<T>> change)
    {
        await previous.ConfigureAwait(AfterPrevious);
        return await change();
    }
}
