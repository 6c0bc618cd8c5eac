namespace RegionSim.Time;

/// <summary>
/// Writes a grain's state one write at a time. Grains whose calls interleave would otherwise start a
/// second write before the first has stored its ETag, and storage would refuse it.
/// </summary>
internal sealed class SerialWriter(Orleans.Core.IStorage storage)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _dirty;

    public async Task WriteAsync()
    {
        _dirty = true;
        await _gate.WaitAsync();
        try
        {
            // A write that waited behind another may find its change already stored.
            if (_dirty)
            {
                _dirty = false;
                await storage.WriteStateAsync();
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
