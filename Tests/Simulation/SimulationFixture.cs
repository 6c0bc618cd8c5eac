using RegionSim.Client.Cluster;
using RegionSim.Client.Simulation.Run;
using RegionSim.Client.Simulation.Scenarios;
using RegionSim.Client.Yaml;
using RegionSim.Simulation;

namespace RegionSim.Tests.Simulation;

/// <summary>Runs a scenario written in a test on a silo of its own (scenarios set timings and capacity for the whole silo).</summary>
public static class Simulations
{
    public static ScenarioPlan Plan(string yaml, string file = "test.yaml") =>
        new ScenarioCompiler(file).Compile(YamlFiles.Parse<ScenarioDocument>(yaml, file));

    public static async Task<SimulationResult> RunAsync(ScenarioPlan plan)
    {
        await using var silo = await EmbeddedSilo.StartAsync(CancellationToken.None, plan.Start - SimulationSetup.Lead(plan));
        return await new SimulationRunner(plan, silo.Grains).RunAsync(new Quiet(), CancellationToken.None);
    }

    private sealed class Quiet : ISimulationProgress
    {
        public void Stepped(int steps, DateTimeOffset simulatedTime, FleetSample total)
        {
        }
    }
}
