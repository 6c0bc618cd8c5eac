using RegionSim.Simulation;

namespace RegionSim.Tests.Simulation;

public sealed class TimeOrderedQueueTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Items_come_out_in_time_order_and_in_the_order_added_at_equal_times_with_slots_reused()
    {
        var queue = new TimeOrderedQueue<(string Name, int Minute)>();
        queue.Enqueue(("c", 5), Noon.AddMinutes(5));
        queue.Enqueue(("a", 1), Noon.AddMinutes(1));
        queue.Enqueue(("b1", 3), Noon.AddMinutes(3));
        queue.Enqueue(("b2", 3), Noon.AddMinutes(3));

        var order = new List<string> { Take(queue), Take(queue) };

        // Added after two left: their slots are reused, their order is by time and then by when they were added.
        queue.Enqueue(("b3", 3), Noon.AddMinutes(3));
        queue.Enqueue(("d", 9), Noon.AddMinutes(9));
        while (queue.TryPeek(out _))
        {
            order.Add(Take(queue));
        }

        Assert.Equal(["a", "b1", "b2", "b3", "c", "d"], order);
    }

    [Fact]
    public void Many_items_keep_their_order()
    {
        var queue = new TimeOrderedQueue<int>();
        var random = new Random(7);
        var added = Enumerable.Range(0, 1000).Select(i => (Item: i, Minute: random.Next(60))).ToList();
        foreach (var (item, minute) in added)
        {
            queue.Enqueue(item, Noon.AddMinutes(minute));
        }

        var taken = new List<int>();
        while (queue.TryPeek(out var item))
        {
            queue.Dequeue();
            taken.Add(item);
        }

        Assert.Equal(added.OrderBy(a => a.Minute).Select(a => a.Item), taken);
    }

    [Fact]
    public void Only_items_due_by_a_time_are_taken_and_those_at_that_time_are()
    {
        var queue = new TimeOrderedQueue<int>();
        queue.Enqueue(3, Noon.AddMinutes(3));
        queue.Enqueue(1, Noon.AddMinutes(1));
        queue.Enqueue(2, Noon.AddMinutes(2));

        var taken = new List<int>();
        while (queue.TryDequeueDue(Noon.AddMinutes(2), out var item))
        {
            taken.Add(item);
        }

        Assert.Equal([1, 2], taken);
        Assert.True(queue.TryPeek(out var left));
        Assert.Equal(3, left);
        Assert.Equal(Noon.AddMinutes(3), queue.NextAt);
        Assert.False(queue.TryDequeueDue(Noon.AddMinutes(3).AddTicks(-1), out _));
        Assert.True(queue.TryDequeueDue(Noon.AddMinutes(3), out _));
        Assert.Null(queue.NextAt);
    }

    private static string Take(TimeOrderedQueue<(string Name, int Minute)> queue)
    {
        Assert.True(queue.TryPeek(out var item));
        queue.Dequeue();
        return item.Name;
    }
}
