using Microsoft.Extensions.DependencyInjection;
using RegionSim.Errors;
using RegionSim.ImageBuilders;
using RegionSim.Resources;
using RegionSim.Time;

namespace RegionSim.Sessions;

/// <summary>
/// One streaming URL: its one use before it expires. A grain of its own (keyed by the random token) so that
/// any silo that receives the URL reaches the one record of whether it was opened.
/// </summary>
public sealed class StreamingUrlGrain(
    [PersistentState("streamingUrl", StorageNames.Default)] IPersistentState<StreamingUrlState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time) : Grain, IStreamingUrlGrain
{
    private StreamingUrlState Url => state.State;

    async Task IStreamingUrlGrain.IssueForSessionAsync(StreamingConnectRequest connection)
    {
        RequireNew();
        state.State = new StreamingUrlState { Issued = true, Session = connection, Expires = connection.Expires };
        await state.WriteStateAsync();
    }

    async Task IStreamingUrlGrain.IssueForImageBuilderAsync(ResourceKey imageBuilder, DateTimeOffset expires)
    {
        RequireNew();
        state.State = new StreamingUrlState { Issued = true, ImageBuilder = imageBuilder.ToString(), Expires = expires };
        await state.WriteStateAsync();
    }

    async Task<StreamingUrlOpened> IStreamingUrlGrain.OpenAsync()
    {
        if (!Url.Issued)
        {
            throw AppStreamException.NotFound("No streaming URL with this token was issued (by CreateStreamingURL or CreateImageBuilderStreamingURL).");
        }

        if (Url.OpenedAt is { } openedAt)
        {
            throw AppStreamException.NotPermitted(
                $"This streaming URL was opened at {openedAt:u}{(Url.SessionId is { } id ? $" (session {id})" : "")}; a streaming URL opens once. Create another to connect again.");
        }

        var now = time.GetUtcNow();
        if (now > Url.Expires)
        {
            throw AppStreamException.NotPermitted($"This streaming URL expired at {Url.Expires:u}; it is {now:u}. Create another to connect.");
        }

        // The fleet or builder may refuse (no instance available, not running): the URL stays unused then.
        StreamingUrlOpened opened;
        if (Url.Session is { } request)
        {
            var connection = await GrainFactory.GetFleetSessions(request.Region, request.AccountId, request.FleetName).ConnectAsync(request);
            await GrainFactory.GetGrain<ISessionHandleGrain>(connection.Session.Id).TrackAsync(new ResourceKey(request.Region, request.AccountId, request.FleetName));
            Url.SessionId = connection.Session.Id;
            opened = new StreamingUrlOpened { Session = connection };
        }
        else
        {
            opened = new StreamingUrlOpened { ImageBuilder = await GrainFactory.GetImageBuilder(ResourceKey.Parse(Url.ImageBuilder!)).ConnectAsync() };
        }

        Url.OpenedAt = now;
        await state.WriteStateAsync();
        return opened;
    }

    private void RequireNew()
    {
        if (Url.Issued)
        {
            // Two 256-bit random tokens never meet; if they did, the second URL must not take over the first.
            throw new InvalidOperationException("A streaming URL with this token was already issued.");
        }
    }
}
