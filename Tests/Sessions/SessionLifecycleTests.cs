using RegionSim.Accounts;
using RegionSim.Errors;
using RegionSim.Fleets;
using RegionSim.Sessions;
using RegionSim.Tests.Infrastructure;

namespace RegionSim.Tests.Sessions;

[Collection(ClusterCollection.Name)]
public sealed class SessionLifecycleTests(ClusterFixture fixture)
{
    private const string Region = ImageSetup.Region;

    [Fact]
    public async Task On_an_ALWAYS_ON_fleet_a_session_is_ACTIVE_at_once()
    {
        var account = TestAccounts.NewAccount();
        var (fleet, stack) = await fixture.NewStreamingFleetAsync(account, FleetType.AlwaysOn);
        var now = await fixture.Clock.GetNowAsync();

        var session = (await fixture.ConnectAsync(account, stack, fleet, "alice")).Session;
        Assert.Equal(SessionState.Active, session.State);
        Assert.Equal(SessionConnectionState.Connected, session.ConnectionState);
        Assert.Equal(now, session.StartTime);
        Assert.Equal(AuthenticationType.Api, session.AuthenticationType);
        Assert.Equal(new ComputeCapacityStatus { Desired = 2, Running = 2, InUse = 1, Available = 1 }, await fixture.CapacityAsync(account, fleet));
    }

    [Fact]
    public async Task On_an_ON_DEMAND_fleet_a_session_is_PENDING_while_its_stopped_instance_starts()
    {
        var account = TestAccounts.NewAccount();
        var (fleet, stack) = await fixture.NewStreamingFleetAsync(account, FleetType.OnDemand);
        var start = (await fixture.TimingsAsync()).OnDemandInstanceStart;
        Assert.InRange(start, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2));

        var session = (await fixture.ConnectAsync(account, stack, fleet, "bob")).Session;
        Assert.Equal(SessionState.Pending, session.State);
        Assert.Equal(SessionConnectionState.NotConnected, session.ConnectionState);
        Assert.Equal(1, (await fixture.CapacityAsync(account, fleet)).InUse);

        await fixture.AdvanceAsync(start - TimeSpan.FromSeconds(1));
        Assert.Equal(SessionState.Pending, (await fixture.SessionAsync(account, fleet, session.Id)).Session.State);
        await fixture.AdvanceAsync(TimeSpan.FromSeconds(1));
        var active = (await fixture.SessionAsync(account, fleet, session.Id)).Session;
        Assert.Equal(SessionState.Active, active.State);
        Assert.Equal(SessionConnectionState.Connected, active.ConnectionState);
    }

    [Fact]
    public async Task A_session_ends_at_MaxUserDuration_its_instance_goes_and_a_replacement_is_provisioned()
    {
        var account = TestAccounts.NewAccount();
        var (fleet, stack) = await fixture.NewStreamingFleetAsync(account, desired: 1,
            configure: request => request with { MaxUserDurationInSeconds = 3600 });
        var session = (await fixture.ConnectAsync(account, stack, fleet, "carol")).Session;
        Assert.Equal(session.StartTime + TimeSpan.FromHours(1), session.MaxExpirationTime);

        await fixture.AdvanceAsync(TimeSpan.FromHours(1));
        var ended = await fixture.SessionAsync(account, fleet, session.Id);
        Assert.Equal(SessionState.Expired, ended.Session.State);
        Assert.Equal(SessionEndReason.MaxUserDuration, ended.EndReason);
        Assert.Equal(new ComputeCapacityStatus { Desired = 1, Running = 0, InUse = 0, Available = 0 }, await fixture.CapacityAsync(account, fleet));

        await fixture.AdvanceAsync((await fixture.TimingsAsync()).FleetInstanceProvisioning);
        Assert.Equal(new ComputeCapacityStatus { Desired = 1, Running = 1, InUse = 0, Available = 1 }, await fixture.CapacityAsync(account, fleet));
        var next = (await fixture.ConnectAsync(account, stack, fleet, "carol")).Session;
        Assert.NotEqual(session.InstanceId, next.InstanceId);
    }

    [Fact]
    public async Task Reconnecting_within_the_disconnect_timeout_resumes_the_same_session_on_the_same_instance()
    {
        var account = TestAccounts.NewAccount();
        var (fleet, stack) = await fixture.NewStreamingFleetAsync(account, configure: request => request with { DisconnectTimeoutInSeconds = 600 });
        var session = (await fixture.ConnectAsync(account, stack, fleet, "dave")).Session;

        var disconnected = await fixture.ActAsync(account, fleet, session.Id, UserAction.Disconnect);
        Assert.Equal(SessionConnectionState.NotConnected, disconnected.ConnectionState);
        await fixture.AdvanceAsync(TimeSpan.FromSeconds(599));
        var back = await fixture.ConnectAsync(account, stack, fleet, "dave");
        Assert.True(back.Resumed);
        Assert.Equal((session.Id, session.InstanceId), (back.Session.Id, back.Session.InstanceId));
        Assert.Equal(SessionConnectionState.Connected, back.Session.ConnectionState);

        // The timeout started at the disconnect; once reconnected it no longer runs.
        await fixture.AdvanceAsync(TimeSpan.FromMinutes(30));
        Assert.Equal(SessionState.Active, (await fixture.SessionAsync(account, fleet, session.Id)).Session.State);
    }

    [Fact]
    public async Task After_the_disconnect_timeout_the_session_has_ended_and_the_user_gets_a_new_session_on_a_new_instance()
    {
        var account = TestAccounts.NewAccount();
        var (fleet, stack) = await fixture.NewStreamingFleetAsync(account, configure: request => request with { DisconnectTimeoutInSeconds = 600 });
        var session = (await fixture.ConnectAsync(account, stack, fleet, "erin")).Session;
        await fixture.ActAsync(account, fleet, session.Id, UserAction.Disconnect);

        await fixture.AdvanceAsync(TimeSpan.FromSeconds(600));
        var ended = await fixture.SessionAsync(account, fleet, session.Id);
        Assert.Equal((SessionState.Expired, SessionEndReason.DisconnectTimeout), (ended.Session.State, ended.EndReason));

        var again = await fixture.ConnectAsync(account, stack, fleet, "erin");
        Assert.False(again.Resumed);
        Assert.NotEqual(session.Id, again.Session.Id);
        Assert.NotEqual(session.InstanceId, again.Session.InstanceId);
    }

    [Fact]
    public async Task An_idle_user_is_disconnected_after_the_idle_timeout_and_the_session_ends_after_the_disconnect_timeout()
    {
        var account = TestAccounts.NewAccount();
        var (fleet, stack) = await fixture.NewStreamingFleetAsync(account, configure: request => request with
        {
            IdleDisconnectTimeoutInSeconds = 900, DisconnectTimeoutInSeconds = 300,
        });
        var session = (await fixture.ConnectAsync(account, stack, fleet, "frank")).Session;
        await fixture.ActAsync(account, fleet, session.Id, UserAction.GoIdle);

        await fixture.AdvanceAsync(TimeSpan.FromSeconds(899));
        Assert.Equal(SessionConnectionState.Connected, (await fixture.SessionAsync(account, fleet, session.Id)).Session.ConnectionState);
        await fixture.AdvanceAsync(TimeSpan.FromSeconds(1));
        var idle = (await fixture.SessionAsync(account, fleet, session.Id)).Session;
        Assert.Equal((SessionState.Active, SessionConnectionState.NotConnected), (idle.State, idle.ConnectionState));

        await fixture.AdvanceAsync(TimeSpan.FromSeconds(300));
        var ended = await fixture.SessionAsync(account, fleet, session.Id);
        Assert.Equal((SessionState.Expired, SessionEndReason.DisconnectTimeout), (ended.Session.State, ended.EndReason));
    }

    [Fact]
    public async Task A_user_who_comes_back_from_idle_in_time_stays_connected()
    {
        var account = TestAccounts.NewAccount();
        var (fleet, stack) = await fixture.NewStreamingFleetAsync(account, configure: request => request with { IdleDisconnectTimeoutInSeconds = 900 });
        var session = (await fixture.ConnectAsync(account, stack, fleet, "gina")).Session;
        await fixture.ActAsync(account, fleet, session.Id, UserAction.GoIdle);
        await fixture.AdvanceAsync(TimeSpan.FromMinutes(10));
        await fixture.ActAsync(account, fleet, session.Id, UserAction.BecomeActive);

        await fixture.AdvanceAsync(TimeSpan.FromHours(1));
        Assert.Equal(SessionConnectionState.Connected, (await fixture.SessionAsync(account, fleet, session.Id)).Session.ConnectionState);
    }

    [Fact]
    public async Task Logging_out_ends_the_session_at_once_without_the_disconnect_timeout()
    {
        var account = TestAccounts.NewAccount();
        var (fleet, stack) = await fixture.NewStreamingFleetAsync(account);
        var session = (await fixture.ConnectAsync(account, stack, fleet, "hana")).Session;

        var ended = await fixture.ActAsync(account, fleet, session.Id, UserAction.LogOut);
        Assert.Equal(SessionState.Expired, ended.State);
        Assert.Equal(SessionEndReason.LogOut, (await fixture.SessionAsync(account, fleet, session.Id)).EndReason);
        Assert.Equal(0, (await fixture.CapacityAsync(account, fleet)).InUse);
        Assert.False((await fixture.ConnectAsync(account, stack, fleet, "hana")).Resumed);
    }

    [Fact]
    public async Task ExpireSession_ends_a_session_found_by_its_id_alone_and_ignores_ids_it_does_not_know()
    {
        var account = TestAccounts.NewAccount();
        var (fleet, stack) = await fixture.NewStreamingFleetAsync(account);
        await fixture.NewStreamingFleetAsync(account);
        var session = (await fixture.ConnectAsync(account, stack, fleet, "ivan")).Session;
        var accountGrain = fixture.Grains.GetGrain<IAccountGrain>(account);

        await accountGrain.ExpireSessionAsync(Region, new ExpireSessionRequest { SessionId = session.Id });
        var ended = await fixture.SessionAsync(account, fleet, session.Id);
        Assert.Equal((SessionState.Expired, SessionEndReason.Expired), (ended.Session.State, ended.EndReason));

        await accountGrain.ExpireSessionAsync(Region, new ExpireSessionRequest { SessionId = "00000000-0000-4000-8000-000000000000" });
        await accountGrain.ExpireSessionAsync(Region, new ExpireSessionRequest { SessionId = "not-a-session" });
        await Expect.Refused(AppStreamErrorCode.Validation, () => accountGrain.ExpireSessionAsync(Region, new ExpireSessionRequest()));
    }

    [Fact]
    public async Task A_connection_that_finds_no_available_instance_is_refused_and_counted_as_an_InsufficientCapacityError()
    {
        var account = TestAccounts.NewAccount();
        var (fleet, stack) = await fixture.NewStreamingFleetAsync(account, desired: 1);
        await fixture.ConnectAsync(account, stack, fleet, "judy");

        var refused = await Expect.Refused(AppStreamErrorCode.ResourceNotAvailable, () => fixture.ConnectAsync(account, stack, fleet, "kim"));
        Assert.Contains("InsufficientCapacityError", refused.Message);
        await Expect.Refused(AppStreamErrorCode.ResourceNotAvailable, () => fixture.ConnectAsync(account, stack, fleet, "lee"));

        await fixture.AdvanceAsync(TimeSpan.FromMinutes(1));
        var metrics = await fixture.Grains.GetGrain<RegionSim.Scaling.IFleetScalingGrain>(fixture.Fleet(account, fleet).GetPrimaryKeyString()).GetMetricsAsync(1);
        var minute = Assert.Single(metrics.Datapoints);
        Assert.Equal(2, minute.InsufficientCapacityError);
        Assert.Equal(100, minute.CapacityUtilization);
    }

    [Fact]
    public async Task A_streaming_URL_admits_only_until_it_expires()
    {
        var account = TestAccounts.NewAccount();
        var (fleet, stack) = await fixture.NewStreamingFleetAsync(account);
        var url = await fixture.Stack(account, stack).CreateStreamingUrlAsync(new CreateStreamingURLRequest
        {
            StackName = stack, FleetName = fleet, UserId = "mia", Validity = 120,
        });
        Assert.Equal(await fixture.Clock.GetNowAsync() + TimeSpan.FromSeconds(120), url.Expires);

        await fixture.AdvanceAsync(TimeSpan.FromSeconds(121));
        await Expect.Refused(AppStreamErrorCode.OperationNotPermitted, () => fixture.Grains.ConnectAsync(url.StreamingURL));
    }

    [Fact]
    public async Task DescribeSessions_lists_a_stack_and_fleets_sessions_by_user_and_in_pages()
    {
        var account = TestAccounts.NewAccount();
        var (fleet, stack) = await fixture.NewStreamingFleetAsync(account, desired: 25);
        var sessions = new List<Session>();
        for (var i = 0; i < 23; i++)
        {
            sessions.Add((await fixture.ConnectAsync(account, stack, fleet, $"user{i:00}")).Session);
        }

        var grain = fixture.Grains.GetFleetSessions(Region, account, fleet);
        var first = await grain.DescribeSessionsAsync(new DescribeSessionsRequest { StackName = stack, FleetName = fleet });
        Assert.Equal(20, first.Sessions.Count);
        var rest = await grain.DescribeSessionsAsync(new DescribeSessionsRequest { StackName = stack, FleetName = fleet, NextToken = first.NextToken });
        Assert.Equal(3, rest.Sessions.Count);
        Assert.Null(rest.NextToken);
        Assert.Equal(sessions.Select(s => s.Id), first.Sessions.Concat(rest.Sessions).Select(s => s.Id));

        var small = await grain.DescribeSessionsAsync(new DescribeSessionsRequest { StackName = stack, FleetName = fleet, Limit = 5 });
        Assert.Equal(5, small.Sessions.Count);
        var mine = await grain.DescribeSessionsAsync(new DescribeSessionsRequest
        {
            StackName = stack, FleetName = fleet, UserId = "user07", AuthenticationType = AuthenticationType.Api,
        });
        Assert.Equal(sessions[7].Id, Assert.Single(mine.Sessions).Id);
        Assert.Empty((await grain.DescribeSessionsAsync(new DescribeSessionsRequest
        {
            StackName = stack, FleetName = fleet, UserId = "user07", AuthenticationType = AuthenticationType.Saml,
        })).Sessions);
        Assert.Empty((await grain.DescribeSessionsAsync(new DescribeSessionsRequest { StackName = "other-stack", FleetName = fleet })).Sessions);

        await Expect.Refused(AppStreamErrorCode.Validation, () => grain.DescribeSessionsAsync(new DescribeSessionsRequest { StackName = stack, FleetName = fleet, Limit = 51 }));
        await Expect.Refused(AppStreamErrorCode.InvalidParameterCombination,
            () => grain.DescribeSessionsAsync(new DescribeSessionsRequest { StackName = stack, FleetName = fleet, UserId = "user07" }));
    }
}
