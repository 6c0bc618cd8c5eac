using RegionSim.Fleets;
using RegionSim.Resources;

namespace RegionSim.Accounts;

/// <summary>
/// The views of its fleets an account holds, for one activation: the newest view of each fleet it asked,
/// and until when it answers from it. It trusts a view while the fleet watches (the account asked it less
/// than <see cref="FleetWatches.Trust"/> ago, and the fleet's activation has not said it stopped) and the
/// silo of the fleet's activation is active (an activation lost with its silo can't say it stopped).
/// </summary>
internal sealed class AccountFleetViews(Func<SiloAddress, bool> siloActive)
{
    private readonly Dictionary<ResourceKey, Held> _byKey = [];

    /// <summary>The view to answer from at <paramref name="now"/> (wall time), or null: ask the fleet.</summary>
    public FleetView? Trusted(ResourceKey key, DateTimeOffset now) =>
        _byKey.TryGetValue(key, out var held)
        && held.View.Watched
        && held.View.Activation == held.TrustedActivation
        && now < held.TrustedUntil
        && siloActive(held.View.Silo)
            ? held.View
            : null;

    /// <summary>
    /// The fleet answered an ask that began at <paramref name="asked"/>: its view, and its activation watches
    /// from then on (when it says so).
    /// </summary>
    public void Answered(FleetView view, DateTimeOffset asked)
    {
        var held = _byKey.GetValueOrDefault(view.Key);
        var kept = view.IsNewerThan(held?.View) ? view : held!.View;
        _byKey[view.Key] = view.Watched
            ? new Held(kept, view.Activation, asked + FleetWatches.Trust)
            : new Held(kept, held?.TrustedActivation, held?.TrustedUntil);
    }

    /// <summary>
    /// A fleet told a change, or that it stopped telling: kept if newer than the view held. Kept too when the
    /// account holds none yet, untrusted: a change can overtake the answer of the ask that started the watch,
    /// and that answer must not then stand in for it (the fleet tells a change once).
    /// </summary>
    public void Told(FleetView view)
    {
        var held = _byKey.GetValueOrDefault(view.Key);
        if (view.IsNewerThan(held?.View))
        {
            _byKey[view.Key] = held is null ? new Held(view, null, null) : held with { View = view };
        }
    }

    /// <summary>A view, and which activation's watch the account trusts until when (the watch a newer activation has not started yet is none).</summary>
    private sealed record Held(FleetView View, ActivationId? TrustedActivation, DateTimeOffset? TrustedUntil);
}
