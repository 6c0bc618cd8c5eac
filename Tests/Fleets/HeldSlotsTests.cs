using RegionSim.Regions;

namespace RegionSim.Tests.Fleets;

/// <summary>A region's count of who holds its instance slots: by holder number, and taken over from the shape stored before numbers.</summary>
public sealed class HeldSlotsTests
{
    private const string Type = "stream.standard.medium";

    [Fact]
    public void A_region_stored_before_holders_were_numbered_keeps_every_holders_slots()
    {
        var state = new RegionState
        {
            InUse = { [Type] = 5 },
            Held = { [$"b\n{Type}"] = 2, [$"a\n{Type}"] = 3 },
        };
        var holders = new RegionHoldersState();

        var held = new HeldSlots(state, holders);

        Assert.Equal(3, held.Of("a", Type));
        Assert.Equal(2, held.Of("b", Type));
        Assert.Equal([$"a\n{Type}", $"b\n{Type}"], holders.Holders);
        Assert.Equal([3, 2], state.HeldByNumber);
        Assert.Empty(state.Held);
        Assert.Equal(5, held.InUse(Type));
    }

    [Fact]
    public void A_new_holder_takes_the_next_number_and_a_holder_that_gives_everything_back_keeps_its_own()
    {
        var state = new RegionState();
        var holders = new RegionHoldersState();
        var held = new HeldSlots(state, holders);

        held.Add("a", Type, 4);
        held.Add("b", Type, 1);
        held.Add("a", Type, -4);
        held.Add("a", "stream.compute.large", 2);
        held.Add("c", Type, 0);

        Assert.Equal([$"a\n{Type}", $"b\n{Type}", "a\nstream.compute.large"], holders.Holders);
        Assert.Equal([0, 1, 2], state.HeldByNumber);
        Assert.Equal(1, held.InUse(Type));
        Assert.Equal(0, held.Of("c", Type));

        // Read back from what was stored, the counts are the same.
        var again = new HeldSlots(state, holders);
        Assert.Equal(1, again.Of("b", Type));
        Assert.Equal(2, again.Of("a", "stream.compute.large"));
        Assert.Equal(3, again.HolderCount);
    }
}
