namespace RegionSim.Fleets;

/// <summary>Something a <see cref="FleetRoster{T}"/> holds: it has an id, and remembers where in the roster it is.</summary>
internal interface IRosterMember
{
    string Id { get; }

    /// <summary>Its place in the roster's list; never stored (a roster numbers its members when it is made).</summary>
    int RosterSlot { get; set; }
}
