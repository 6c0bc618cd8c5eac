namespace RegionSim.Regions;

/// <summary>
/// The instance slots each holder holds in a region, per instance type, and the region's total per type.
/// Holders are numbered (<see cref="RegionHoldersState"/>) so that the counts, written at every lease and
/// return, are a list of numbers rather than every holder's name again. A region stored before holders
/// were numbered has its counts by name taken over here, in name order, and dropped from its state.
/// </summary>
internal sealed class HeldSlots
{
    private readonly RegionState _state;
    private readonly RegionHoldersState _holders;
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);

    public HeldSlots(RegionState state, RegionHoldersState holders)
    {
        _state = state;
        _holders = holders;
        for (var number = 0; number < holders.Holders.Count; number++)
        {
            _numbers[holders.Holders[number]] = number;
        }

        foreach (var (key, count) in state.Held.OrderBy(held => held.Key, StringComparer.Ordinal))
        {
            Counts[NumberOf(key)] += count;
        }

        state.Held.Clear();
    }

    private List<int> Counts => _state.HeldByNumber;

    /// <summary>How many holders have a number: more than were stored means the holders must be written first.</summary>
    public int HolderCount => _holders.Holders.Count;

    public int Of(string holder, string instanceType) =>
        _numbers.TryGetValue(Key(holder, instanceType), out var number) && number < Counts.Count ? Counts[number] : 0;

    public int InUse(string instanceType) => _state.InUse.GetValueOrDefault(instanceType);

    /// <summary>Gives a holder <paramref name="count"/> more slots of a type (fewer when negative), and the region's total with it.</summary>
    public void Add(string holder, string instanceType, int count)
    {
        if (count == 0)
        {
            return;
        }

        Counts[NumberOf(Key(holder, instanceType))] += count;
        _state.InUse[instanceType] = InUse(instanceType) + count;
    }

    private int NumberOf(string key)
    {
        if (!_numbers.TryGetValue(key, out var number))
        {
            number = _holders.Holders.Count;
            _holders.Holders.Add(key);
            _numbers[key] = number;
        }

        while (Counts.Count <= number)
        {
            Counts.Add(0);
        }

        return number;
    }

    private static string Key(string holder, string instanceType) => $"{holder}\n{instanceType}";
}
