using RegionSim.Errors;
using RegionSim.Resources;

namespace RegionSim.Sessions;

/// <summary>A session as its user holds it: the session id, and through it the fleet that hosts the session and decides.</summary>
public sealed class SessionHandleGrain(
    [PersistentState("sessionHandle", StorageNames.Default)] IPersistentState<SessionHandleState> state) : Grain, ISessionHandleGrain
{
    async Task ISessionHandleGrain.TrackAsync(ResourceKey fleet)
    {
        var key = fleet.ToString();
        if (state.State.Fleet != key)
        {
            state.State.Fleet = key;
            await state.WriteStateAsync();
        }
    }

    async Task<SessionDetails> ISessionHandleGrain.ActAsync(UserAction action)
    {
        var sessions = Fleet();
        await sessions.ActAsync(this.GetPrimaryKeyString(), action);
        return await sessions.GetSessionAsync(this.GetPrimaryKeyString());
    }

    Task<SessionDetails> ISessionHandleGrain.GetAsync() => Fleet().GetSessionAsync(this.GetPrimaryKeyString());

    private IFleetSessionsGrain Fleet() => state.State.Fleet is { } fleet
        ? GrainFactory.GetGrain<IFleetSessionsGrain>(fleet)
        : throw AppStreamException.NotFound($"No streaming session {this.GetPrimaryKeyString()} was opened from a streaming URL.");
}
