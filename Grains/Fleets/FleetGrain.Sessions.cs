using RegionSim.Errors;
using RegionSim.Resources;
using RegionSim.Sessions;
using RegionSim.Stacks;
using RegionSim.Validation;
using RegionSim.Wire;

namespace RegionSim.Fleets;

/// <summary>The fleet's streaming sessions (<see cref="IFleetSessionsGrain"/>).</summary>
public sealed partial class FleetGrain
{
    public const int DescribeSessionsDefaultLimit = 20;
    public const int DescribeSessionsMaxLimit = 50;

    async Task<StreamingConnection> IFleetSessionsGrain.ConnectAsync(StreamingConnectRequest request)
    {
        if (!Fleet.Exists || request.Region != _key.Region || request.AccountId != _key.Owner || request.FleetName != _key.Name)
        {
            throw NotFound(new ResourceKey(request.Region, request.AccountId, request.FleetName));
        }

        var engine = Advance();
        if (time.GetUtcNow() > request.Expires)
        {
            throw AppStreamException.NotPermitted($"The streaming URL for user {request.UserId} expired at {request.Expires:u}.");
        }

        if (engine.Resume(request.StackName, request.UserId) is { } resumed)
        {
            await SettleAsync();
            return new StreamingConnection { Session = engine.View(resumed), Resumed = true };
        }

        if (!engine.IsStreaming)
        {
            throw AppStreamException.NotAvailable($"Fleet {_key.Name} is {WireNames.Of(Fleet.State)}; users connect only to a RUNNING fleet.");
        }

        var setup = await GrainFactory.GetStack(_key.Region, _key.Owner, request.StackName, "StackName").GetSessionSetupAsync(_key.Name, request.UserId);
        if (!setup.Associated)
        {
            throw AppStreamException.NotPermitted($"Stack {request.StackName} is not associated with fleet {_key.Name}.");
        }

        engine = Advance();
        var session = Settings.FleetType == FleetType.Elastic
            ? await StartElasticSessionAsync(engine, request, setup)
            : engine.StartSession(request, setup);
        await SettleAsync();
        return session is not null
            ? new StreamingConnection { Session = engine.View(session) }
            : throw AppStreamException.NotAvailable(
                $"No streaming instance is available in fleet {_key.Name} for user {request.UserId}: " +
                $"{Describe(engine.CapacityStatus)}. The connection counts as an InsufficientCapacityError.");
    }

    async Task<Session> IFleetSessionsGrain.ActAsync(string sessionId, UserAction action)
    {
        Check.Required(action, "action");
        if (action.Kind is UserActionKind.ChangeProfileSetting or UserActionKind.InstallSoftware)
        {
            Check.MinLength(Check.MaxLength(Check.Required(action.Name, "Name"), 256, "Name"), 1, "Name");
            Check.MaxLength(action.Value, 4096, "Value");
        }

        if (!Fleet.Exists)
        {
            throw AppStreamException.NotFound($"No streaming session {sessionId} is in progress.");
        }

        var engine = Advance();
        if (engine.Details(sessionId) is { EndedAt: { } endedAt, EndReason: var reason })
        {
            throw AppStreamException.NotPermitted(
                $"Streaming session {sessionId} ended at {endedAt:u}: {Explain(reason)}. The user opens a new streaming URL to stream again.");
        }

        var session = engine.Act(sessionId, action);
        await SettleAsync();
        return engine.View(session);
    }

    async Task<bool> IFleetSessionsGrain.ExpireAsync(string sessionId)
    {
        if (!Fleet.Exists || !Advance().Expire(sessionId))
        {
            return false;
        }

        await SettleAsync();
        return true;
    }

    Task<DescribeSessionsResponse> IFleetSessionsGrain.DescribeSessionsAsync(DescribeSessionsRequest request)
    {
        Check.Name(request.StackName, nameof(request.StackName));
        Check.Name(request.FleetName, nameof(request.FleetName));
        if (request.UserId is not null)
        {
            Check.MinLength(Check.MaxLength(request.UserId, 128, nameof(request.UserId)), 2, nameof(request.UserId));
            if (request.AuthenticationType is null)
            {
                throw AppStreamException.InvalidCombination("DescribeSessions with a UserId needs the user's AuthenticationType too.");
            }
        }

        var limit = Check.Range(request.Limit, 0, DescribeSessionsMaxLimit, nameof(request.Limit)) is { } asked and > 0 ? asked : DescribeSessionsDefaultLimit;
        var offset = Check.PageOffset(request.NextToken);
        return Task.FromResult(Fleet.Exists
            ? _engine.DescribeSessions(request, offset, limit)
            : new DescribeSessionsResponse { Sessions = [] });
    }

    Task<SessionDetails> IFleetSessionsGrain.GetSessionAsync(string sessionId) =>
        Task.FromResult((Fleet.Exists ? _engine.Details(sessionId) : null)
            ?? throw AppStreamException.NotFound($"Fleet {_key.Name} has no streaming session {sessionId}."));

    Task<int> IFleetSessionsGrain.CountSessionsAsync(string stackName) => Task.FromResult(Fleet.Exists ? _engine.CountSessions(stackName) : 0);

    /// <summary>An ELASTIC fleet takes an instance from the pool for the session: a slot from the region, while it is below MaxConcurrentSessions.</summary>
    private async Task<StreamingSessionState?> StartElasticSessionAsync(FleetEngine engine, StreamingConnectRequest request, SessionSetup setup)
    {
        if (engine.HasElasticRoom && (await Region.LeaseInstancesAsync([Lease(1)]))[0] == 1)
        {
            return engine.StartElasticSession(request, setup);
        }

        engine.RefuseForCapacity();
        return null;
    }

    private string Explain(SessionEndReason? reason) => reason switch
    {
        SessionEndReason.MaxUserDuration => $"it reached the fleet's MaxUserDurationInSeconds ({Settings.MaxUserDurationInSeconds})",
        SessionEndReason.DisconnectTimeout => $"the user stayed disconnected past the fleet's DisconnectTimeoutInSeconds ({Settings.DisconnectTimeoutInSeconds})",
        SessionEndReason.LogOut => "the user logged out",
        SessionEndReason.Expired => "ExpireSession ended it",
        SessionEndReason.FleetStopped => "the fleet was stopped",
        _ => "it is over",
    };

    private static string Describe(Fleets.ComputeCapacityStatus capacity) =>
        $"desired {capacity.Desired}, running {capacity.Running}, in use {capacity.InUse}, available {capacity.Available}";
}
