using System.Text.Json.Nodes;
using RegionSim.Client.Scripts;
using RegionSim.Client.Scripts.Steps;
using RegionSim.Tests.Infrastructure;

namespace RegionSim.Tests.Scripts;

/// <summary>
/// The runner, step kind by step kind, on the shared test cluster (fresh accounts keep the scripts apart):
/// what each step does, what it saves, and how a step fails — naming the step, with expected and actual.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ScriptRunnerTests(ClusterFixture fixture)
{
    private const string BaseImage = ImageSetup.BaseImage;

    private async Task<ScriptReport> RunAsync(string yaml)
    {
        var script = ScriptCompiler.Parse(yaml, "runner.yaml");
        await using var cluster = ScriptTarget.Over(fixture.Grains, "the test cluster");
        return await new ScriptRunner(cluster).RunAsync(script);
    }

    private static void Passed(ScriptReport report) =>
        Assert.True(report.Passed, report.FirstFailure is { } failed ? $"step {failed.Step.Number} (line {failed.Step.Line}) failed: {failed.Failure}" : "");

    private static JsonNode Result(ScriptReport report, int number) => report.Steps[number - 1].Result!.Value!;

    [Fact]
    public async Task Operations_run_as_each_steps_account_in_its_Region_and_results_are_saved_for_later_steps()
    {
        var (owner, other) = (TestAccounts.NewAccount(), TestAccounts.NewAccount());
        var report = await RunAsync($"""
            accounts: {"{"}owner: "{owner}", other: "{other}"{"}"}
            account: owner
            steps:
              - make-image: {"{"}name: app, from: {BaseImage}{"}"}
              - until: image app is AVAILABLE
                within: 30m
              - CopyImage: {"{"}SourceImageName: app, DestinationImageName: app-eu, DestinationRegion: eu-west-1{"}"}
                save: copy
              - region: eu-west-1
                DescribeImages: {"{"}Names: ["${"{"}copy.DestinationImageName{"}"}"]{"}"}
                save: eu
                expect: {"{"}Images.0.State: COPYING{"}"}
              - account: other
                DescribeImages: {"{"}Type: PRIVATE{"}"}
                count: {"{"}Images: 0{"}"}
              - region: eu-west-1
                TagResource: {"{"}ResourceArn: "${"{"}eu.Images[0].Arn{"}"}", Tags: {"{"}by: "${"{"}accounts.owner{"}"}"{"}"}{"}"}
              - region: eu-west-1
                ListTagsForResource: {"{"}ResourceArn: "${"{"}eu.Images[0].Arn{"}"}"{"}"}
                expect: {"{"}Tags.by: "{owner}"{"}"}
            """);
        Passed(report);
        Assert.Equal("app-eu", Result(report, 3)["DestinationImageName"]!.GetValue<string>());
        Assert.Equal($"arn:aws:appstream:eu-west-1:{owner}:image/app-eu", Result(report, 4)["Images"]![0]!["Arn"]!.GetValue<string>());
        Assert.Equal((owner, "eu-west-1"), (report.Steps[3].Step.Account, report.Steps[3].Step.Region));
        Assert.Equal(other, report.Steps[4].Step.Account);
    }

    [Fact]
    public async Task A_value_not_as_expected_fails_the_step_with_expected_and_actual_and_stops_the_script()
    {
        var account = TestAccounts.NewAccount();
        var report = await RunAsync($"""
            account: "{account}"
            steps:
              - make-image: {"{"}name: app, from: {BaseImage}{"}"}
              - step: Too early
                DescribeImages: {"{"}Names: [app]{"}"}
                expect:
                  Images[0].State: AVAILABLE
                  Images[0].Name: app
                  Images[0].ImagePermissions: {"{"}allowFleet: true{"}"}
                count: {"{"}Images: 2{"}"}
              - advance: 1h
            """);
        Assert.False(report.Passed);
        var failed = report.FirstFailure!;
        Assert.Equal((2, 4, "Too early"), (failed.Step.Number, failed.Step.Line, failed.Step.Title));
        Assert.Equal(
        [
            new("Images[0].State", "AVAILABLE", "PENDING"),
            new("Images[0].ImagePermissions", "{allowFleet: true}", "absent"),
            new("count of Images", "2", "1"),
        ], failed.Mismatches);
        Assert.Equal([StepStatus.Passed, StepStatus.Failed, StepStatus.NotRun], report.Steps.Select(s => s.Status));
    }

    [Fact]
    public async Task Errors_must_be_the_ones_expected()
    {
        var account = TestAccounts.NewAccount();
        var report = await RunAsync($"""
            account: "{account}"
            steps:
              - DeleteImage: {"{"}Name: nothing{"}"}
                error: ResourceNotFoundException
                expect: {"{"}message: No image named nothing is visible to account {account} in us-east-1.{"}"}
            """);
        Passed(report);
        Assert.Equal("ResourceNotFoundException, as expected", report.Steps[0].Result!.Summary);

        var unexpected = await RunAsync($"""
            account: "{account}"
            steps:
              - DeleteImage: {"{"}Name: nothing{"}"}
            """);
        Assert.Equal(new Mismatch("error", "none", $"ResourceNotFoundException: No image named nothing is visible to account {account} in us-east-1."), Assert.Single(unexpected.FirstFailure!.Mismatches));

        var other = await RunAsync($"""
            account: "{account}"
            steps:
              - DeleteImage: {"{"}Name: nothing{"}"}
                error: ResourceInUseException
            """);
        Assert.Equal("ResourceInUseException", Assert.Single(other.FirstFailure!.Mismatches).Expected);
        Assert.StartsWith("ResourceNotFoundException: ", other.FirstFailure.Mismatches[0].Actual);

        var none = await RunAsync($"""
            account: "{account}"
            steps:
              - DescribeImages: {"{"}Type: PRIVATE{"}"}
                error: ResourceNotFoundException
            """);
        Assert.Equal(new Mismatch("error", "ResourceNotFoundException", "no error: the step succeeded"), Assert.Single(none.FirstFailure!.Mismatches));
    }

    [Fact]
    public async Task Until_moves_the_clock_in_small_steps_and_gives_up_after_within()
    {
        var account = TestAccounts.NewAccount();
        var before = await fixture.Clock.GetNowAsync();
        var report = await RunAsync($"""
            account: "{account}"
            steps:
              - make-image: {"{"}name: app, from: {BaseImage}{"}"}
              - until: image app is AVAILABLE
                within: 5m
                every: 2m
            """);
        var failed = report.FirstFailure!;
        Assert.Equal(2, failed.Step.Number);
        Assert.Equal("'image app is AVAILABLE' did not hold within 5m: Images[0].State is PENDING, not AVAILABLE", failed.Failure);
        Assert.Equal(before + TimeSpan.FromMinutes(5), await fixture.Clock.GetNowAsync());

        var held = await RunAsync($"""
            account: "{account}"
            steps:
              - until: image app is AVAILABLE
                within: 1h
                every: 10m
              - until: {"{"}DescribeImages: {"{"}Names: [app]{"}"}{"}"}
                expect: {"{"}Images.0.State: AVAILABLE{"}"}
              - DeleteImage: {"{"}Name: app{"}"}
              - until: image app is gone
            """);
        Passed(held);
        Assert.Equal("held after 20m", held.Steps[0].Result!.Summary);
        Assert.Equal("held at once", held.Steps[1].Result!.Summary);
    }

    [Fact]
    public async Task A_users_session_from_a_streaming_URL_to_its_end()
    {
        var account = TestAccounts.NewAccount();
        var report = await RunAsync($"""
            account: "{account}"
            steps:
              - CreateFleet: {"{"}Name: f, ImageName: {BaseImage}, InstanceType: stream.standard.small, FleetType: ALWAYS_ON, ComputeCapacity: {"{"}DesiredInstances: 1{"}"}, DisconnectTimeoutInSeconds: 600{"}"}
              - CreateStack: {"{"}Name: s, ApplicationSettings: {"{"}Enabled: true, SettingsGroup: g{"}"}{"}"}
              - AssociateFleet: {"{"}StackName: s, FleetName: f{"}"}
              - StartFleet: {"{"}Name: f{"}"}
              - until: fleet f has 1 available
                within: 30m
              - CreateStreamingURL: {"{"}StackName: s, FleetName: f, UserId: alice{"}"}
                save: url
              - connect: ${"{"}url.StreamingURL{"}"}
                save: alice
                expect: {"{"}Session.UserId: alice, Session.State: ACTIVE, Session.Resumed: false{"}"}
              - idle: alice
              - active: alice
              - change-settings: {"{"}session: alice, name: theme, value: dark{"}"}
              - install-software: {"{"}session: alice, name: editor{"}"}
                expect: {"{"}ProfileChanges: {"{"}theme: dark{"}"}, SoftwareInstalled: [editor]{"}"}
              - disconnect: alice
                expect: {"{"}State: ACTIVE, ConnectionState: NOT_CONNECTED{"}"}
              - until: session alice is NOT_CONNECTED
              - reconnect: alice
                expect: {"{"}ConnectionState: CONNECTED{"}"}
              - disconnect: alice
              - until: session alice is EXPIRED
                within: 15m
              - session-details: alice
                expect: {"{"}EndReason: DISCONNECT_TIMEOUT{"}"}
              - DescribeSessions: {"{"}StackName: s, FleetName: f{"}"}
                count: {"{"}Sessions: 0{"}"}
            """);
        Passed(report);
        Assert.Equal("held after 10m", report.Steps[15].Result!.Summary);
    }

    [Fact]
    public async Task Image_Assistant_answers_as_the_CLI_prints_and_a_status_not_expected_fails_the_step()
    {
        var account = TestAccounts.NewAccount();
        var report = await RunAsync($"""
            account: "{account}"
            steps:
              - CreateImageBuilder: {"{"}Name: ib, ImageName: {BaseImage}, InstanceType: stream.standard.medium{"}"}
              - until: builder ib is RUNNING
              - builder: ib
                image-assistant: add-application --name notepad --absolute-app-path C:\Windows\System32\notepad.exe
              - builder: ib
                image-assistant: [list-applications]
                expect: {"{"}applications: [{"{"}Name: notepad, AbsoluteAppPath: 'C:\Windows\System32\notepad.exe'{"}"}]{"}"}
              - builder: ib
                image-assistant: add-application --name notepad --absolute-app-path C:\Windows\System32\notepad.exe
            """);
        Assert.Equal("""{"status": 0, "message": "Success"}""", report.Steps[2].Result!.Summary);
        Assert.Equal(4, report.Steps.Count(s => s.Status == StepStatus.Passed));
        Assert.Equal("""Image Assistant answered {"status": 1, "message": "Name is not unique"} (expect status: 1 if the step means it)""", report.FirstFailure!.Failure);
        Assert.Equal(1, Result(report, 5)["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task Builder_steps_answer_what_the_builder_holds()
    {
        var account = TestAccounts.NewAccount();
        var report = await RunAsync($"""
            account: "{account}"
            steps:
              - CreateImageBuilder: {"{"}Name: ib, ImageName: AppStream-WinServer2019-09-10-2019, InstanceType: stream.standard.medium{"}"}
              - until: builder ib is RUNNING
              - builder: ib
                windows-update: on
                expect: {"{"}WindowsUpdateEnabled: true{"}"}
              - builder: ib
                install-antivirus: Contoso
                expect: {"{"}Antivirus: {"{"}Name: Contoso, AutomaticUpdates: false{"}"}{"}"}
                count: {"{"}Warnings: 0{"}"}
              - builder: ib
                install-files: {"{"}'C:\tools\a.exe': one, 'C:\tools\b.exe': two{"}"}
                expect: {"{"}InstalledFiles: ['C:\tools\a.exe', 'C:\tools\b.exe']{"}"}
              - builder: ib
                reboot:
              - until: builder ib is REBOOTING
              - until: builder ib is RUNNING
            """);
        Passed(report);
        Assert.Equal("Windows Update on, Windows Defender off", report.Steps[2].Result!.Summary);
    }

    [Fact]
    public async Task Setup_steps_set_region_capacity_and_scaling()
    {
        var account = TestAccounts.NewAccount();
        var report = await RunAsync($"""
            account: "{account}"
            region: sa-east-1
            steps:
              - region-capacity: {"{"}instanceType: stream.compute.large, limit: 1{"}"}
                expect: {"{"}InstanceType: stream.compute.large, Limit: 1, InUse: 0{"}"}
              - CreateFleet: {"{"}Name: f, ImageName: AppStream-WinServer2019-10-08-2024, InstanceType: stream.compute.large, FleetType: ALWAYS_ON, ComputeCapacity: {"{"}DesiredInstances: 2{"}"}{"}"}
              - StartFleet: {"{"}Name: f{"}"}
              - until: fleet f is RUNNING
              - advance: 15m
              - step: The Region runs one instance of the type
                DescribeFleets: {"{"}Names: [f]{"}"}
                expect: {"{"}Fleets.0.ComputeCapacityStatus: {"{"}Desired: 2, Running: 1{"}"}{"}"}
              - scaling:
                  fleet: f
                  RegisterScalableTarget: {"{"}MinCapacity: 1, MaxCapacity: 4{"}"}
                  PutScheduledAction: {"{"}ScheduledActionName: night, Schedule: "cron(0 20 * * ? *)", ScalableTargetAction: {"{"}MinCapacity: 0, MaxCapacity: 1{"}"}{"}"}
                expect:
                  ScalableTarget: {"{"}MinCapacity: 1, MaxCapacity: 4{"}"}
                  ScheduledActions.0.ScheduledActionName: night
              - StopFleet: {"{"}Name: f{"}"}
              - region-capacity: {"{"}instanceType: stream.compute.large{"}"}
            """);
        Passed(report);
    }

    [Fact]
    public async Task Timings_of_the_script_apply_to_the_cluster()
    {
        var timings = await fixture.Clock.GetTimingsAsync();
        try
        {
            var account = TestAccounts.NewAccount();
            var report = await RunAsync($"""
                account: "{account}"
                timings: {"{"}imageCreation: 3m{"}"}
                steps:
                  - make-image: {"{"}name: quick, from: {BaseImage}{"}"}
                  - until: image quick is AVAILABLE
                    within: 3m
                """);
            Passed(report);
            Assert.Equal("held after 3m", report.Steps[1].Result!.Summary);
            Assert.Contains("The script's timings now apply to the whole cluster.", report.Notes);
        }
        finally
        {
            await fixture.Clock.SetTimingsAsync(timings);
        }
    }
}
