using RegionSim.Regions;

namespace RegionSim.Tests.Fleets;

/// <summary>
/// A region's count of who holds its instance slots: by holder number, names stored before counts, numbers
/// of holders that hold nothing given to new holders only when storage cannot say otherwise, and the shape
/// stored before numbers taken over.
/// </summary>
public sealed class HeldSlotsTests
{
    private const string Type = "stream.standard.medium";

    [Fact]
    public async Task A_region_stored_before_holders_were_numbered_keeps_every_holders_slots()
    {
        var state = new RegionState
        {
            InUse = { [Type] = 5 },
            Held = { [$"b\n{Type}"] = 2, [$"a\n{Type}"] = 3 },
        };

        var held = new HeldSlots(state, new RegionHoldersState());

        Assert.Equal(3, held.Of("a", Type));
        Assert.Equal(2, held.Of("b", Type));
        Assert.Equal(5, held.InUse(Type));
        Assert.Empty(state.Held);
        Assert.Empty(state.InUse);
        var storage = new Storage();
        await storage.StoreAsync(held);
        Assert.Equal([$"a\n{Type}", $"b\n{Type}"], storage.Names);
        Assert.Equal([3, 2], storage.Counts);
    }

    [Fact]
    public async Task What_is_stored_is_what_a_region_starts_from_again()
    {
        var held = new HeldSlots(new RegionState(), new RegionHoldersState());
        held.Add("a", Type, 4);
        held.Add("b", Type, 1);
        held.Add("a", "stream.compute.large", 2);
        held.Add("c", Type, 0);
        var storage = new Storage();
        await storage.StoreAsync(held);

        var again = storage.Restore();

        Assert.Equal([$"a\n{Type}", $"b\n{Type}", "a\nstream.compute.large"], storage.Names);
        Assert.Equal(4, again.Of("a", Type));
        Assert.Equal(1, again.Of("b", Type));
        Assert.Equal(2, again.Of("a", "stream.compute.large"));
        Assert.Equal(0, again.Of("c", Type));
        Assert.Equal(5, again.InUse(Type));
        Assert.Equal(2, again.InUse("stream.compute.large"));
    }

    [Fact]
    public async Task A_new_holder_takes_the_number_of_one_that_holds_nothing_once_that_is_stored()
    {
        var held = new HeldSlots(new RegionState(), new RegionHoldersState());
        var storage = new Storage();
        held.Add("a", Type, 4);
        held.Add("b", Type, 1);
        await storage.StoreAsync(held);

        held.Add("a", Type, -4);
        held.Add("c", Type, 2);
        await storage.StoreAsync(held);
        Assert.Equal([$"a\n{Type}", $"b\n{Type}", $"c\n{Type}"], storage.Names);

        held.Add("d", Type, 3);
        await storage.StoreAsync(held);
        Assert.Equal([$"d\n{Type}", $"b\n{Type}", $"c\n{Type}"], storage.Names);
        Assert.Equal([3, 1, 2], storage.Counts);
        Assert.Equal(0, held.Of("a", Type));
        Assert.Equal(6, held.InUse(Type));
    }

    [Fact]
    public async Task A_number_is_not_given_away_while_a_count_storage_may_hold_for_it_is_not_zero()
    {
        var held = new HeldSlots(new RegionState(), new RegionHoldersState());
        var storage = new Storage();
        held.Add("a", Type, 1);
        held.Add("a", Type, -1);
        await storage.StoreAsync(held);

        // a leases again and that count is on its way to storage when a gives everything back.
        held.Add("a", Type, 4);
        var counts = new TaskCompletionSource();
        var writing = held.StoreAsync(storage.StoreNamesAsync, async stored =>
        {
            await counts.Task;
            storage.Counts = stored;
        });
        held.Add("a", Type, -4);
        held.Add("b", Type, 1);
        counts.SetResult();
        await writing;
        await storage.StoreAsync(held);
        Assert.Equal([$"a\n{Type}", $"b\n{Type}"], storage.Names);

        // A write that failed may still have reached storage: b's number stays b's until a write goes through.
        held.Add("b", Type, -1);
        await storage.StoreAsync(held);
        held.Add("b", Type, 2);
        await Assert.ThrowsAsync<IOException>(() => held.StoreAsync(storage.StoreNamesAsync, _ => throw new IOException("storage unavailable")));
        held.Add("b", Type, -2);
        held.Add("c", Type, 1);
        held.Add("d", Type, 1);
        await storage.StoreAsync(held);
        Assert.Equal([$"c\n{Type}", $"b\n{Type}", $"d\n{Type}"], storage.Names);
    }

    [Fact]
    public async Task A_holder_named_while_the_names_are_being_stored_is_stored_before_any_count_of_it()
    {
        var held = new HeldSlots(new RegionState(), new RegionHoldersState());
        var storage = new Storage();
        held.Add("a", Type, 1);
        var writes = new List<string>();
        var first = true;

        await held.StoreAsync(
            async names =>
            {
                await Task.Yield();
                if (first)
                {
                    first = false;
                    held.Add("b", Type, 2);
                }

                writes.Add($"names {names.Count}");
                storage.Names = names;
            },
            counts =>
            {
                writes.Add($"counts {counts.Count}");
                storage.Counts = counts;
                return Task.CompletedTask;
            });

        Assert.Equal(["names 1", "names 2", "counts 2"], writes);
        Assert.Equal(2, storage.Restore().Of("b", Type));
    }

    /// <summary>The two states as a silo's storage would hold them.</summary>
    private sealed class Storage
    {
        public List<string> Names { get; set; } = [];

        public List<int> Counts { get; set; } = [];

        public Task StoreAsync(HeldSlots held) => held.StoreAsync(StoreNamesAsync, StoreCountsAsync);

        public Task StoreNamesAsync(List<string> names)
        {
            Names = names;
            return Task.CompletedTask;
        }

        public Task StoreCountsAsync(List<int> counts)
        {
            Counts = counts;
            return Task.CompletedTask;
        }

        public HeldSlots Restore() =>
            new(new RegionState { HeldByNumber = [.. Counts] }, new RegionHoldersState { Holders = [.. Names] });
    }
}
