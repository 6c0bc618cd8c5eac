namespace RegionSim.Simulation;

/// <summary>
/// Items in time order, and in the order they were added at equal times. The items stay in place in an
/// array; the heap orders only their slot numbers, so each of its moves copies a few bytes rather than
/// the item (a simulated user's move is over a hundred bytes).
/// </summary>
internal sealed class TimeOrderedQueue<T>
    where T : struct
{
    private readonly PriorityQueue<int, (long Ticks, long Sequence)> _order = new();
    private readonly Stack<int> _free = new();
    private T[] _items = new T[16];
    private int _used;
    private long _sequence;

    public void Enqueue(in T item, DateTimeOffset at)
    {
        if (!_free.TryPop(out var slot))
        {
            if (_used == _items.Length)
            {
                Array.Resize(ref _items, _items.Length * 2);
            }

            slot = _used++;
        }

        _items[slot] = item;
        _order.Enqueue(slot, (at.UtcTicks, ++_sequence));
    }

    /// <summary>When the earliest item is due, or null when there is none: read without copying the item.</summary>
    public DateTimeOffset? NextAt => _order.TryPeek(out _, out var order) ? new DateTimeOffset(order.Ticks, TimeSpan.Zero) : null;

    /// <summary>The earliest item, left in the queue.</summary>
    public bool TryPeek(out T item)
    {
        if (_order.TryPeek(out var slot, out _))
        {
            item = _items[slot];
            return true;
        }

        item = default;
        return false;
    }

    /// <summary>Takes the earliest item if it is due by <paramref name="until"/>: one copy of it, not one to look and one to take.</summary>
    public bool TryDequeueDue(DateTimeOffset until, out T item)
    {
        if (_order.TryPeek(out var slot, out var order) && order.Ticks <= until.UtcTicks)
        {
            item = _items[slot];
            Dequeue();
            return true;
        }

        item = default;
        return false;
    }

    public void Dequeue()
    {
        var slot = _order.Dequeue();
        _items[slot] = default;
        _free.Push(slot);
    }
}
