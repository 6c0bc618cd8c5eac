namespace LeanFleetModel;

/// <summary>Timers or moves by due time, then by the order they were set: a binary heap of numbers.</summary>
internal sealed class TimeQueue
{
    private Entry[] _entries = new Entry[16];
    private long _sequence;

    public int Count { get; private set; }

    public long NextDue => _entries[0].Due;

    public void Push(long due, int kind, int slot, int generation)
    {
        if (Count == _entries.Length)
        {
            Array.Resize(ref _entries, Count * 2);
        }

        var entry = new Entry(due, ++_sequence, kind, slot, generation);
        var i = Count++;
        while (i > 0 && entry.Precedes(_entries[(i - 1) / 2]))
        {
            _entries[i] = _entries[(i - 1) / 2];
            i = (i - 1) / 2;
        }

        _entries[i] = entry;
    }

    public (int Kind, int Slot, int Generation) Pop()
    {
        var first = _entries[0];
        var last = _entries[--Count];
        var i = 0;
        while (2 * i + 1 < Count)
        {
            var child = 2 * i + 1;
            if (child + 1 < Count && _entries[child + 1].Precedes(_entries[child]))
            {
                child++;
            }

            if (!_entries[child].Precedes(last))
            {
                break;
            }

            _entries[i] = _entries[child];
            i = child;
        }

        _entries[i] = last;
        return (first.Kind, first.Slot, first.Generation);
    }

    private readonly record struct Entry(long Due, long Sequence, int Kind, int Slot, int Generation)
    {
        public bool Precedes(Entry other) => Due < other.Due || (Due == other.Due && Sequence < other.Sequence);
    }
}
