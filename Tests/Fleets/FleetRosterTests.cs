using RegionSim.Fleets;

namespace RegionSim.Tests.Fleets;

/// <summary>
/// A fleet's instances and sessions in progress are kept in lists whose members remember their places:
/// removing one must take out that one and no other, whatever was added and removed before, and finding one
/// by id must see every add and removal, before and after the first look-up.
/// </summary>
public sealed class FleetRosterTests
{
    [Fact]
    public void Removing_a_member_takes_out_that_one_and_the_last_takes_its_place()
    {
        var list = new List<FleetInstance>();
        var roster = new FleetRoster<FleetInstance>(list);
        var (a, b, c, d) = (Instance("a"), Instance("b"), Instance("c"), Instance("d"));
        foreach (var instance in new[] { a, b, c, d })
        {
            roster.Add(instance);
        }

        Assert.True(roster.Remove(b));
        Assert.Equal([a, d, c], list);
        Assert.False(roster.Remove(b));
        Assert.True(roster.Remove(c));
        Assert.True(roster.Remove(a));
        Assert.Equal([d], list);
        Assert.True(roster.Remove(d));
        Assert.Empty(roster);
    }

    [Fact]
    public void A_member_of_another_roster_is_not_removed_even_where_its_place_is_taken_here()
    {
        var here = new FleetRoster<FleetInstance>([]);
        var elsewhere = new FleetRoster<FleetInstance>([]);
        var mine = Instance("mine");
        var theirs = Instance("theirs");
        here.Add(mine);
        elsewhere.Add(theirs);

        Assert.False(here.Remove(theirs));
        Assert.Equal([mine], here);
    }

    [Fact]
    public void A_roster_over_a_stored_list_numbers_its_members_and_finds_them_by_id_through_later_changes()
    {
        var (a, b, c) = (Instance("a"), Instance("b"), Instance("c"));
        var roster = new FleetRoster<FleetInstance>([a, b, c]);

        Assert.True(roster.Remove(a));
        Assert.False(roster.TryGet("a", out _));
        Assert.True(roster.TryGet("b", out var found) && found == b);

        var e = Instance("e");
        roster.Add(e);
        Assert.True(roster.Remove(c));
        Assert.True(roster.TryGet("e", out found) && found == e);
        Assert.False(roster.TryGet("c", out _));
        Assert.Equal([e, b], roster);
    }

    private static FleetInstance Instance(string id) => new() { Id = id };
}
