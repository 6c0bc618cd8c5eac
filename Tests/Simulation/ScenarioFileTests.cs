using RegionSim.Client.Simulation.Reports;
using RegionSim.Client.Simulation.Scenarios;
using RegionSim.Client.Yaml;
using RegionSim.Tests.Infrastructure;

namespace RegionSim.Tests.Simulation;

public sealed class ScenarioFileTests
{
    private const string Valid = """
        name: small
        seed: 3
        duration: 2h
        step: 1m
        regions:
          us-east-1: { utcOffset: -5 }
        accounts:
          tenants: { count: 2, firstId: 430000000000 }
        images:
          - { name: apps, account: "tenants[0]", region: us-east-1, baseImage: AppStream-WinServer2022-10-08-2024 }
        fleets:
          - name: desks
            accounts: ["tenants[0]"]
            regions: [us-east-1]
            image: { name: apps }
            users:
              ratePerMinute: 0.5
              sessionLength: { exponential: 20m }
        """;

    [Fact]
    public void The_scenarios_in_the_repository_compile()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "scenarios"), "*.yaml"))
        {
            var plan = ScenarioCompiler.Load(file);
            Assert.NotEmpty(plan.Fleets);
        }

        var global = ScenarioCompiler.Load(Path.Combine(RepositoryFiles.Root, "scenarios", "global-day.yaml"));
        Assert.True(global.Regions.Count >= 12);
        Assert.True(global.Fleets.Count >= 1200);
        Assert.True(global.Fleets.Select(f => f.Account).Distinct().Count() + 1 >= 50);
        Assert.Equal(TimeSpan.FromMinutes(1), global.Step);
        Assert.Equal(TimeSpan.FromHours(24), global.Duration);
        Assert.All(global.Fleets, f => Assert.NotEmpty(f.Policies));
        Assert.Contains(global.Timeline, e => e is CopyEvent && e.At == TimeSpan.FromHours(12));
        Assert.Contains(global.Timeline, e => e is RevokeEvent && e.At == TimeSpan.FromHours(12));
    }

    [Fact]
    public void A_valid_scenario_expands_accounts_fleets_and_demand()
    {
        var plan = Simulations.Plan(Valid);
        var fleet = Assert.Single(plan.Fleets);
        Assert.Equal("us-east-1/430000000000/desks", fleet.Key);
        Assert.Equal("apps", fleet.Create.ImageName);
        Assert.Equal(0.5, fleet.Users!.PeakArrivalsPerMinute);
        Assert.Equal(120, plan.Steps);
    }

    [Theory]
    [InlineData("regions:\n  us-east-1: { utcOffset: -5 }", "regions:\n  mars-1: { utcOffset: -5 }", 6, "mars-1")]
    [InlineData("duration: 2h", "duration: two hours", 1, "duration")]
    [InlineData("    image: { name: apps }", "    image: { name: apps }\n    colour: blue", 16, "colour")]
    [InlineData("accounts: [\"tenants[0]\"]\n    regions", "accounts: [\"tenants[9]\"]\n    regions", 13, "tenants[9]")]
    [InlineData("sessionLength: { exponential: 20m }", "sessionLength: { exponential: 20m, fixed: 5m }", 20, "exactly one")]
    [InlineData("ratePerMinute: 0.5", "ratePerMinute: -2", 18, "0 or more")]
    public void A_wrong_scenario_is_refused_before_it_runs_with_file_line_and_what(string from, string to, int line, string what)
    {
        Assert.Contains(from, Valid);
        var problem = Assert.Throws<YamlProblem>(() => Simulations.Plan(Valid.Replace(from, to), "wrong.yaml"));
        Assert.Equal("wrong.yaml", problem.File);
        Assert.Contains(what, problem.Message);
        Assert.InRange(problem.At.Line, line - 3, line + 1);
        Assert.StartsWith($"wrong.yaml:{problem.At.Line}:", problem.Message);
    }

    [Fact]
    public void Broken_yaml_is_refused_with_its_line()
    {
        var problem = Assert.Throws<YamlProblem>(() => Simulations.Plan("name: x\nregions: [unclosed\n", "broken.yaml"));
        Assert.True(problem.At.Line >= 2, problem.Message);
    }

    [Fact]
    public async Task The_report_folder_holds_the_summary_the_series_and_the_charts()
    {
        var result = await Simulations.RunAsync(Simulations.Plan(Valid));
        var folder = Path.Combine(Path.GetTempPath(), $"regionsim-report-{Guid.NewGuid():N}");
        var summary = await ReportFolder.WriteAsync(result, folder);

        Assert.Equal(File.ReadAllText(Path.Combine(folder, "summary.json")), summary.ToJson());
        var regions = File.ReadAllLines(Path.Combine(folder, "series-regions.csv"));
        Assert.Equal("region,step,time,desired,running,in_use,available,pending,sessions,attempts,started,ended,refused", regions[0]);
        Assert.Equal(1 + 120, regions.Length);
        Assert.Equal(1 + 120, File.ReadAllLines(Path.Combine(folder, "series-overall.csv")).Length);
        Assert.Equal(summary.Overall.SessionsStarted, summary.Fleets.Sum(f => f.Counts.SessionsStarted));
        var html = File.ReadAllText(Path.Combine(folder, "report.html"));
        Assert.Contains("<svg", html);
        Assert.Contains("us-east-1", html);
        Assert.True(File.Exists(Path.Combine(folder, "run.json")));
        Directory.Delete(folder, recursive: true);
    }
}
