namespace RegionSim.Time;

/// <summary>
/// Writes a grain's state one write at a time, for grains whose calls interleave (a second write started
/// before the first has stored its ETag would be refused by storage). Writes are grouped: a write not yet
/// started carries every change made before it starts, and every caller that asked for it awaits that one
/// write — so a burst of interleaved calls costs two writes, not one each. A caller's change is stored
/// when its call returns. A write is the grain's one state, or a write of its own (a region writes two
/// states, in order).
/// </summary>
internal sealed class SerialWriter(Func<Task> write)
{
    private const ConfigureAwaitOptions AfterPrevious =
        ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ForceYielding;

    // The latest write started or queued, and the one queued (not started) that new changes can still join.
    private Task _latest = Task.CompletedTask;
    private Task? _queued;

    public SerialWriter(Orleans.Core.IStorage storage)
        : this(storage.WriteStateAsync)
    {
    }

    public Task WriteAsync()
    {
        if (_queued is null)
        {
            _queued = WriteAfterAsync(_latest);
            _latest = _queued;
        }

        return _queued;
    }

    private async Task WriteAfterAsync(Task previous)
    {
        // Always yields, so that this write is queued before it can start; it runs on the grain's scheduler.
        await previous.ConfigureAwait(AfterPrevious);
        _queued = null;
        await write();
    }
}
