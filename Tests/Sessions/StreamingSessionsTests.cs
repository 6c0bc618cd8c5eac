using RegionSim.Errors;
using RegionSim.Fleets;
using RegionSim.ImageBuilders;
using RegionSim.Sessions;
using RegionSim.Silo.Sessions;
using RegionSim.Stacks;
using RegionSim.Tests.ImageBuilders;
using RegionSim.Tests.Infrastructure;

namespace RegionSim.Tests.Sessions;

/// <summary>The user's side of streaming in process (as a script runner calls it): opening URLs once, and acting in the session.</summary>
[Collection(ClusterCollection.Name)]
public sealed class StreamingSessionsTests(ClusterFixture fixture)
{
    private StreamingSessions Sessions => new(fixture.Grains);

    private Task<CreateStreamingURLResponse> NewUrlAsync(string account, string stack, string fleet, string user, long? validity = null) =>
        fixture.Stack(account, stack).CreateStreamingUrlAsync(new CreateStreamingURLRequest { StackName = stack, FleetName = fleet, UserId = user, Validity = validity });

    [Fact]
    public async Task A_url_opens_the_users_session_once_and_tokens_are_random()
    {
        var account = TestAccounts.NewAccount();
        var (fleet, stack) = await fixture.NewStreamingFleetAsync(account, desired: 1);
        var url = await NewUrlAsync(account, stack, fleet, "anna");
        var again = await NewUrlAsync(account, stack, fleet, "anna");

        var opened = (await Sessions.OpenAsync(url.StreamingURL)).Session!;
        Assert.Equal((stack, fleet, "anna", SessionState.Active, false), (opened.StackName, opened.FleetName, opened.UserId, opened.State, opened.Resumed));
        Assert.NotNull(opened.InstanceId);
        Assert.Equal($"arn:aws:appstream:{ImageSetup.Region}::image/{ImageSetup.BaseImage}", opened.StartedFrom.ImageArn);
        var second = await Expect.Refused(AppStreamErrorCode.OperationNotPermitted, () => Sessions.OpenAsync(url.StreamingURL));
        Assert.Contains(opened.SessionId, second.Message);

        Assert.NotEqual(StreamingUrls.TokenOf(url.StreamingURL), StreamingUrls.TokenOf(again.StreamingURL));
        Assert.True((await Sessions.OpenAsync(StreamingUrls.TokenOf(again.StreamingURL))).Session!.Resumed);
    }

    [Fact]
    public async Task A_url_opens_only_before_it_expires_and_only_if_it_was_issued()
    {
        var account = TestAccounts.NewAccount();
        var (fleet, stack) = await fixture.NewStreamingFleetAsync(account, desired: 1);
        var url = await NewUrlAsync(account, stack, fleet, "bert", validity: 30);

        await fixture.AdvanceAsync(TimeSpan.FromSeconds(31));
        await Expect.Refused(AppStreamErrorCode.OperationNotPermitted, () => Sessions.OpenAsync(url.StreamingURL));
        await Expect.Refused(AppStreamErrorCode.ResourceNotFound, () => Sessions.OpenAsync(StreamingUrls.Create(ImageSetup.Region, StreamingUrls.NewToken())));
        await Expect.Refused(AppStreamErrorCode.Validation, () => Sessions.OpenAsync("https://example.com/authenticate?parameters=short"));
        Assert.Equal(0, (await fixture.CapacityAsync(account, fleet)).InUse);
    }

    [Fact]
    public async Task A_connection_the_fleet_refuses_leaves_the_url_unused()
    {
        var account = TestAccounts.NewAccount();
        var (fleet, stack) = await fixture.NewStreamingFleetAsync(account, desired: 1);
        var first = (await fixture.ConnectAsync(account, stack, fleet, "cleo")).Session;
        var url = await NewUrlAsync(account, stack, fleet, "dirk", validity: 3600);

        await Expect.Refused(AppStreamErrorCode.ResourceNotAvailable, () => Sessions.OpenAsync(url.StreamingURL));
        await Sessions.LogOutAsync(first.Id);
        await fixture.AdvanceAsync((await fixture.Clock.GetTimingsAsync()).FleetInstanceProvisioning);
        Assert.Equal("dirk", (await Sessions.OpenAsync(url.StreamingURL)).Session!.UserId);
    }

    [Fact]
    public async Task The_user_acts_in_the_session_knowing_only_its_id()
    {
        var account = TestAccounts.NewAccount();
        var (fleet, stack) = await fixture.NewStreamingFleetAsync(account, desired: 1, persistSettings: true,
            configure: request => request with { DisconnectTimeoutInSeconds = 600, IdleDisconnectTimeoutInSeconds = 300 });
        var session = (await Sessions.OpenAsync((await NewUrlAsync(account, stack, fleet, "edda")).StreamingURL)).Session!;

        var changed = await Sessions.ActAsync(session.SessionId, "change-settings", "theme", "dark");
        Assert.Equal("dark", changed.ProfileChanges["theme"]);
        Assert.Equal(["7zip"], (await Sessions.ActAsync(session.SessionId, "install-software", "7zip")).SoftwareInstalled);
        Assert.Equal(SessionConnectionState.NotConnected, (await Sessions.ActAsync(session.SessionId, "disconnect")).ConnectionState);
        await fixture.AdvanceAsync(TimeSpan.FromSeconds(599));
        var back = await Sessions.ActAsync(session.SessionId, "reconnect");
        Assert.Equal((SessionConnectionState.Connected, SessionState.Active, session.InstanceId), (back.ConnectionState, back.State, back.InstanceId));

        await Sessions.ActAsync(session.SessionId, "idle");
        await fixture.AdvanceAsync(TimeSpan.FromSeconds(300));
        Assert.Equal(SessionConnectionState.NotConnected, (await Sessions.GetAsync(session.SessionId)).ConnectionState);
        await fixture.AdvanceAsync(TimeSpan.FromSeconds(600));
        var late = await Expect.Refused(AppStreamErrorCode.OperationNotPermitted, () => Sessions.ReconnectAsync(session.SessionId));
        Assert.Contains("DisconnectTimeoutInSeconds (600)", late.Message);
        var ended = await Sessions.GetAsync(session.SessionId);
        Assert.Equal((SessionState.Expired, SessionEndReason.DisconnectTimeout), (ended.State, ended.EndReason));

        await fixture.AdvanceAsync((await fixture.Clock.GetTimingsAsync()).FleetInstanceProvisioning);
        var next = (await Sessions.OpenAsync((await NewUrlAsync(account, stack, fleet, "edda")).StreamingURL)).Session!;
        Assert.Equal("dark", next.StartedFrom.ProfileSettings["theme"]);
        Assert.DoesNotContain("7zip", next.StartedFrom.Software);
        Assert.Equal(SessionEndReason.LogOut, (await Sessions.LogOutAsync(next.SessionId)).EndReason);
    }

    [Fact]
    public async Task Unknown_sessions_and_actions_are_refused()
    {
        await Expect.Refused(AppStreamErrorCode.ResourceNotFound, () => Sessions.DisconnectAsync("00000000-0000-4000-8000-000000000000"));
        await Expect.Refused(AppStreamErrorCode.Validation, () => Sessions.ActAsync("any", "dance"));
        await Expect.Refused(AppStreamErrorCode.Validation, () => Sessions.ActAsync("any", "change-settings", "theme"));
        await Expect.Refused(AppStreamErrorCode.Validation, () => Sessions.ActAsync("any", "install-software"));
    }

    [Fact]
    public async Task An_image_builder_url_connects_to_the_running_builder_once()
    {
        var account = TestAccounts.NewAccount();
        var builder = await fixture.NewRunningBuilderAsync(account);
        var url = await fixture.Builder(account, builder).CreateStreamingUrlAsync(new() { Name = builder });
        var other = await fixture.Builder(account, builder).CreateStreamingUrlAsync(new() { Name = builder });
        var third = await fixture.Builder(account, builder).CreateStreamingUrlAsync(new() { Name = builder });

        var opened = await Sessions.OpenAsync(url.StreamingURL);
        Assert.Null(opened.Session);
        Assert.Equal((builder, ImageBuilderState.Running), (opened.ImageBuilder!.Name, opened.ImageBuilder.State));
        await Expect.Refused(AppStreamErrorCode.OperationNotPermitted, () => Sessions.OpenAsync(url.StreamingURL));
        await Expect.Refused(AppStreamErrorCode.InvalidParameterCombination, () => fixture.Grains.ConnectAsync(other.StreamingURL));

        await fixture.Builder(account, builder).StopAsync();
        var stopped = await Expect.Refused(AppStreamErrorCode.OperationNotPermitted, () => Sessions.OpenAsync(third.StreamingURL));
        Assert.Contains("STOPPING", stopped.Message);
    }
}
