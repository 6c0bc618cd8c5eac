namespace RegionSim.Regions;

/// <summary>
/// The instance slots each holder holds in a region, per instance type, and the region's total per type.
/// Holders are numbered (<see cref="RegionHoldersState"/>) so that the counts, stored at every lease and
/// return, are a list of numbers rather than every holder's name again. The names are stored only when
/// they change, and always before any count under their numbers (<see cref="StoreAsync"/>). A number whose
/// holder holds nothing, here and in whatever storage may hold, is given to the next new holder, so the
/// lists grow with the holders a region has at once, not with every holder it ever had. A region stored
/// before holders were numbered has its counts by name taken over, in name order.
/// </summary>
internal sealed class HeldSlots
{
    private readonly List<string> _names;
    private readonly List<int> _counts;
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _inUse = new(StringComparer.Ordinal);

    // The counts storage may hold: the last stored, and any handed to it since whose write has not succeeded.
    private readonly List<IReadOnlyList<int>> _mayBeStored;
    private bool _namesChanged;

    public HeldSlots(RegionState state, RegionHoldersState holders)
    {
        _names = [.. holders.Holders];
        // A count is never stored under a number without a name (StoreAsync); one would hold nothing anyone could give back.
        _counts = [.. state.HeldByNumber.Take(_names.Count)];
        _mayBeStored = [new List<int>(_counts)];
        while (_counts.Count < _names.Count)
        {
            _counts.Add(0);
        }

        for (var number = 0; number < _names.Count; number++)
        {
            _numbers[_names[number]] = number;
            AddToType(TypeOf(_names[number]), _counts[number]);
        }

        foreach (var (key, count) in state.Held.OrderBy(held => held.Key, StringComparer.Ordinal))
        {
            _counts[NumberOf(key)] += count;
            AddToType(TypeOf(key), count);
        }

        // Both are worked out from the counts now; what the old shape stored goes with its next write.
        state.Held.Clear();
        state.InUse.Clear();
    }

    public int Of(string holder, string instanceType) =>
        _numbers.TryGetValue(Key(holder, instanceType), out var number) ? _counts[number] : 0;

    public int InUse(string instanceType) => _inUse.GetValueOrDefault(instanceType);

    /// <summary>Gives a holder <paramref name="count"/> more slots of a type (fewer when negative), and the region's total with it.</summary>
    public void Add(string holder, string instanceType, int count)
    {
        if (count == 0)
        {
            return;
        }

        _counts[NumberOf(Key(holder, instanceType))] += count;
        AddToType(instanceType, count);
    }

    /// <summary>
    /// Stores the names, if they changed, then the counts. A name given a number while the names were being
    /// stored is stored too before the counts are taken, so storage never holds a count for a holder it cannot
    /// name. The two writes are the caller's (one state each); they run one after the other, never together.
    /// </summary>
    public async Task StoreAsync(Func<List<string>, Task> storeNames, Func<List<int>, Task> storeCounts)
    {
        while (_namesChanged)
        {
            _namesChanged = false;
            try
            {
                await storeNames([.. _names]);
            }
            catch
            {
                _namesChanged = true;
                throw;
            }
        }

        // Storage keeps the list handed to it; it is never changed afterwards.
        var counts = new List<int>(_counts);
        _mayBeStored.Add(counts);
        await storeCounts(counts);
        _mayBeStored.Clear();
        _mayBeStored.Add(counts);
    }

    private int NumberOf(string key)
    {
        if (_numbers.TryGetValue(key, out var number))
        {
            return number;
        }

        number = FreeNumber();
        if (number < 0)
        {
            number = _names.Count;
            _names.Add(key);
            _counts.Add(0);
        }
        else
        {
            _numbers.Remove(_names[number]);
            _names[number] = key;
        }

        _numbers[key] = number;
        _namesChanged = true;
        return number;
    }

    /// <summary>
    /// A number whose holder holds nothing now, nor in any count storage may hold: a crash after the new name is
    /// stored, and before the counts are, leaves the new holder with nothing, as it should.
    /// </summary>
    private int FreeNumber()
    {
        for (var number = 0; number < _counts.Count; number++)
        {
            if (_counts[number] == 0 && _mayBeStored.TrueForAll(stored => number >= stored.Count || stored[number] == 0))
            {
                return number;
            }
        }

        return -1;
    }

    private void AddToType(string instanceType, int count) => _inUse[instanceType] = InUse(instanceType) + count;

    private static string Key(string holder, string instanceType) => $"{holder}\n{instanceType}";

    private static string TypeOf(string key) => key[(key.IndexOf('\n') + 1)..];
}
