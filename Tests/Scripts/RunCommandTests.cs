using System.CommandLine;
using System.Text.Json.Nodes;
using RegionSim.Client.Commands;
using RegionSim.Tests.Infrastructure;

namespace RegionSim.Tests.Scripts;

/// <summary><c>regionsim run</c> as a user types it: the summary table or JSON, and the exit code (0 passed, 1 a step failed, 2 a wrong script, 3 no silo).</summary>
[Collection(ClusterCollection.Name)]
public sealed class RunCommandTests(ClusterFixture fixture) : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("regionsim-run-");

    public void Dispose() => _folder.Delete(recursive: true);

    private sealed record Run(int ExitCode, string Output, string Error);

    private string Script(string yaml, string name = "script.yaml")
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, yaml);
        return path;
    }

    private static async Task<Run> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await RegionSimCommand.Create().Parse(["run", .. args]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return new Run(exit, output.ToString(), error.ToString());
    }

    private string[] Gateway()
    {
        var gateway = fixture.Cluster.Primary!.GatewayAddress!.Endpoint;
        return ["--cluster", "--gateway", $"{gateway.Address}:{gateway.Port}", "--cluster-id", fixture.Cluster.Options.ClusterId, "--service-id", fixture.Cluster.Options.ServiceId];
    }

    private static string Failing(string account) => $"""
        name: Too early
        account: "{account}"
        steps:
          - make-image: {"{"}name: app, from: {ImageSetup.BaseImage}{"}"}
          - step: Look before it is ready
            DescribeImages: {"{"}Names: [app]{"}"}
            expect:
              Images[0].State: AVAILABLE
          - advance: 1h
        """;

    [Fact]
    public async Task A_passing_script_runs_on_an_embedded_silo_prints_a_table_and_exits_0()
    {
        var path = Script($"""
            name: Copy and wait
            account: "111111111111"
            start: 2026-06-01T12:00:00Z
            steps:
              - make-image: {"{"}name: app, from: {ImageSetup.BaseImage}{"}"}
              - until: image app is AVAILABLE
                within: 30m
              - CopyImage: {"{"}SourceImageName: app, DestinationImageName: app, DestinationRegion: eu-west-1{"}"}
              - DescribeImages: {"{"}Names: [app]{"}"}
                expect: {"{"}Images.0.CreatedTime: 2026-06-01T12:00:00Z{"}"}
            """);
        var run = await RunAsync(path);
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith($"Copy and wait ({path}) on an embedded silo (manual clock)", run.Output);
        Assert.Contains("│ 2 │ 6    │ +20m │ 111111111111 │ us-east-1 │ until image app is AVAILABLE", run.Output);
        Assert.Contains("ok held after 20m", run.Output);
        Assert.EndsWith($"Passed: 4 steps in 20m of simulated time.{Environment.NewLine}", run.Output);
    }

    [Fact]
    public async Task A_failed_expectation_exits_1_naming_the_step_with_expected_and_actual()
    {
        var run = await RunAsync([Script(Failing(TestAccounts.NewAccount())), .. Gateway()]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FAILED Images[0].State: expected AVAILABLE, actual PENDING", run.Output);
        Assert.Contains("│ 3 │ 9    │", run.Output);
        Assert.Contains("not run", run.Output);
        Assert.Contains($"Step 2 (line 5: Look before it is ready) failed:{Environment.NewLine}  Images[0].State: expected AVAILABLE, actual PENDING", run.Output);
        Assert.EndsWith($"Failed: 1 of 3 steps passed.{Environment.NewLine}", run.Output);
    }

    [Fact]
    public async Task Json_gives_every_step_with_its_result()
    {
        var account = TestAccounts.NewAccount();
        var path = Script(Failing(account));
        var run = await RunAsync([path, "--json", .. Gateway()]);
        Assert.Equal(1, run.ExitCode);
        var json = JsonNode.Parse(run.Output)!;
        Assert.Equal((path, "Too early", false), (json["script"]!.GetValue<string>(), json["name"]!.GetValue<string>(), json["passed"]!.GetValue<bool>()));
        var steps = json["steps"]!.AsArray();
        Assert.Equal(["passed", "failed", "not-run"], steps.Select(s => s!["status"]!.GetValue<string>()));
        Assert.Equal((4, "make-image", account, "us-east-1"), (steps[0]!["line"]!.GetValue<int>(), steps[0]!["kind"]!.GetValue<string>(), steps[0]!["account"]!.GetValue<string>(), steps[0]!["region"]!.GetValue<string>()));
        Assert.Equal("PENDING", steps[0]!["result"]!["State"]!.GetValue<string>());
        var failed = steps[1]!;
        Assert.Equal("Look before it is ready", failed["step"]!.GetValue<string>());
        Assert.Equal("Images[0].State: expected AVAILABLE, actual PENDING", failed["failure"]!.GetValue<string>());
        Assert.Equal("""[{"what":"Images[0].State","expected":"AVAILABLE","actual":"PENDING"}]""", failed["mismatches"]!.ToJsonString());
        Assert.Equal("app", failed["result"]!["Images"]![0]!["Name"]!.GetValue<string>());
        Assert.Null(steps[2]!["result"]);
    }

    [Fact]
    public async Task A_wrong_script_exits_2_with_each_problem_at_its_line_and_runs_nothing()
    {
        var path = Script("""
            account: "111111111111"
            steps:
              - DescribeImage: {}
              - DescribeImages: {Typ: PRIVATE}
            """, "wrong.yaml");
        var run = await RunAsync(path, "--gateway", "127.0.0.1:1");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            $"{path} is not a script regionsim can run (2 problems); nothing ran:{Environment.NewLine}" +
            $"{path}:3:5: 'DescribeImage' is not a step: a step is an AppStream operation by its API name (CopyImage, DescribeFleets, ...) or one of {string.Join(", ", RegionSim.Client.Scripts.StepKinds.All.Keys)}.{Environment.NewLine}" +
            $"{path}:4:22: DescribeImagesRequest has no member Typ; its members are Names, Arns, Type, NextToken, MaxResults.{Environment.NewLine}",
            run.Output);

        var json = await RunAsync(path, "--json");
        Assert.Equal(2, json.ExitCode);
        var problems = JsonNode.Parse(json.Output)!["problems"]!.AsArray();
        Assert.Equal([(3, 5), (4, 22)], problems.Select(p => (p!["line"]!.GetValue<int>(), p["column"]!.GetValue<int>())));
        Assert.Equal("DescribeImagesRequest has no member Typ; its members are Names, Arns, Type, NextToken, MaxResults.", problems[1]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_missing_file_exits_2()
    {
        var run = await RunAsync(Path.Combine(_folder.FullName, "nothing.yaml"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("nothing.yaml: no such file.", run.Error);
    }

    [Fact]
    public async Task No_silo_at_the_gateway_exits_3()
    {
        var run = await RunAsync(Script(Failing("111111111111")), "--cluster", "--gateway", "127.0.0.1:1", "--connect-timeout", "1s");
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("regionsim run: no RegionSim silo answered at 127.0.0.1:1 within 1s.", run.Error);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task On_a_cluster_the_clock_advances_through_the_simulation_clock_grain()
    {
        var before = await fixture.Clock.GetNowAsync();
        var run = await RunAsync([Script($"""
            account: "{TestAccounts.NewAccount()}"
            steps:
              - advance: 3h
            """), "--json", .. Gateway()]);
        Assert.Equal(0, run.ExitCode);
        var json = JsonNode.Parse(run.Output)!;
        Assert.Equal("3h", json["simulatedDuration"]!.GetValue<string>());
        Assert.Equal(before + TimeSpan.FromHours(3), await fixture.Clock.GetNowAsync());
        Assert.StartsWith("the cluster at ", json["target"]!.GetValue<string>());
    }
}
