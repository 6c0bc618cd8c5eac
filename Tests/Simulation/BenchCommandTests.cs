using System.CommandLine;
using RegionSim.Client.Commands;

namespace RegionSim.Tests.Simulation;

/// <summary>The benchmarks that run a scenario say what is wrong with it, as <c>regionsim simulate</c> does, before starting anything.</summary>
public sealed class BenchCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("regionsim-bench-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Theory]
    [InlineData("simulation")]
    [InlineData("fleets")]
    [InlineData("cluster")]
    public async Task A_missing_scenario_file_is_named(string benchmark)
    {
        var missing = Path.Combine(_folder.FullName, "missing.yaml");

        var (exit, error) = await BenchAsync(benchmark, missing);

        Assert.Equal(2, exit);
        Assert.Equal($"regionsim bench {benchmark}: {missing}: no such file.", error.Trim());
    }

    [Theory]
    [InlineData("simulation")]
    [InlineData("fleets")]
    [InlineData("cluster")]
    public async Task A_scenario_with_a_problem_is_refused_at_its_line(string benchmark)
    {
        var scenario = Path.Combine(_folder.FullName, "no-regions.yaml");
        await File.WriteAllTextAsync(scenario, "name: no-regions\nseed: 1\n");

        var (exit, error) = await BenchAsync(benchmark, scenario);

        Assert.Equal(2, exit);
        Assert.Equal($"regionsim bench {benchmark}: {scenario}:1:1: regions: name at least one region.", error.Trim());
    }

    private static async Task<(int Exit, string Error)> BenchAsync(string benchmark, string scenario)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] redis = benchmark == "cluster" ? ["--redis", "127.0.0.1:1"] : [];
        var exit = await RegionSimCommand.Create()
            .Parse(["bench", benchmark, "--scenario", scenario, .. redis])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, error.ToString());
    }
}
