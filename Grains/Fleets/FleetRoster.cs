using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace RegionSim.Fleets;

/// <summary>
/// The fleet's instances, or its sessions in progress, over the list its state stores them in. Each member
/// remembers its place in the list, so adding or removing one is a store into an array, not a map operation
/// keyed by a string id. The list keeps the order of adds, except that a removed member's place goes to the
/// last one.
/// </summary>
/// <remarks>
/// Finding a member by id makes an index at the first look-up and keeps it from then on. The operations a
/// user calls find sessions by id; a load simulation's fleets never do, so they never make it
/// (docs/benchmarks.md, "A fleet's instances and sessions in lists").
/// </remarks>
internal sealed class FleetRoster<T> : IReadOnlyCollection<T>
    where T : class, IRosterMember
{
    private readonly List<T> _members;
    private Dictionary<string, T>? _byId;

    public FleetRoster(List<T> members)
    {
        _members = members;
        for (var slot = 0; slot < members.Count; slot++)
        {
            members[slot].RosterSlot = slot;
        }
    }

    public int Count => _members.Count;

    public void Add(T member)
    {
        member.RosterSlot = _members.Count;
        _members.Add(member);
        _byId?.Add(member.Id, member);
    }

    /// <summary>Takes the member out; answers whether it was here.</summary>
    public bool Remove(T member)
    {
        var slot = member.RosterSlot;
        if ((uint)slot >= (uint)_members.Count || !ReferenceEquals(_members[slot], member))
        {
            return false;
        }

        var last = _members[^1];
        _members[slot] = last;
        last.RosterSlot = slot;
        _members.RemoveAt(_members.Count - 1);
        _byId?.Remove(member.Id);
        return true;
    }

    public bool TryGet(string id, [MaybeNullWhen(false)] out T member)
    {
        if (_byId is null)
        {
            _byId = new Dictionary<string, T>(_members.Count, StringComparer.Ordinal);
            foreach (var each in _members)
            {
                _byId.Add(each.Id, each);
            }
        }

        return _byId.TryGetValue(id, out member);
    }

    public List<T>.Enumerator GetEnumerator() => _members.GetEnumerator();

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
