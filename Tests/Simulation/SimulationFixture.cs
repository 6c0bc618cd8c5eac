using Microsoft.Extensions.DependencyInjection;
using RegionSim.Client.Cluster;
using RegionSim.Client.Simulation.Run;
using RegionSim.Client.Simulation.Scenarios;
using RegionSim.Client.Yaml;
using RegionSim.Simulation;
using RegionSim.Time;

namespace RegionSim.Tests.Simulation;

/// <summary>Runs a scenario written in a test on a silo of its own (scenarios set timings and capacity for the whole silo).</summary>
public static class Simulations
{
    public static ScenarioPlan Plan(string yaml, string file = "test.yaml") =>
        new ScenarioCompiler(file).Compile(YamlFiles.Parse<ScenarioDocument>(yaml, file));

    /// <summary>Runs <paramref name="plan"/> on a silo of its own, with <paramref name="services"/> added to the silo's.</summary>
    public static async Task<SimulationResult> RunAsync(ScenarioPlan plan, Action<IServiceCollection>? services = null, bool runAhead = true)
    {
        await using var silo = await EmbeddedSilo.StartAsync(CancellationToken.None, plan.Start - SimulationSetup.Lead(plan), services);
        return await new SimulationRunner(plan, silo.Grains, runAhead).RunAsync(new Quiet(), CancellationToken.None);
    }

    /// <summary>The scenario set up on <paramref name="silo"/>, its clock at the start, and simulated users given to its one fleet.</summary>
    public static async Task<(IFleetSimulationGrain Fleet, DateTimeOffset Start)> AttachOnlyFleetAsync(ScenarioPlan plan, EmbeddedSilo silo)
    {
        await new SimulationSetup(plan, silo.Grains).RunAsync(CancellationToken.None);
        var start = await silo.Grains.GetGrain<ISimulationClockGrain>(ISimulationClockGrain.Key).AdvanceToAsync(plan.Start);
        var planned = Assert.Single(plan.Fleets);
        var fleet = silo.Grains.GetGrain<IFleetSimulationGrain>(planned.Key);
        await fleet.AttachUsersAsync(planned.Users!, plan.Seed, start);
        return (fleet, start);
    }

    private sealed class Quiet : ISimulationProgress
    {
        public void Stepped(int steps, DateTimeOffset simulatedTime, FleetSample total)
        {
        }
    }
}
