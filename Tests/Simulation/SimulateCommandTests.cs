using System.CommandLine;
using RegionSim.Client.Commands;
using RegionSim.Tests.Infrastructure;

namespace RegionSim.Tests.Simulation;

/// <summary>
/// <c>regionsim simulate --cluster</c> on a cluster whose storage already holds part of the scenario's world
/// (an earlier run on the same service id): refused with what is in the way and what to do, not a stack trace.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class SimulateCommandTests(ClusterFixture fixture) : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("regionsim-simulate-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task A_world_already_on_the_cluster_is_refused_saying_what_is_in_the_way_and_what_to_do()
    {
        var isv = TestAccounts.NewAccount();
        var image = TestAccounts.NewName("suite");
        await fixture.NewPendingImageAsync(isv, "us-east-1", image);
        var scenario = Path.Combine(_folder.FullName, "again.yaml");
        await File.WriteAllTextAsync(scenario, $"""
            name: again
            seed: 1
            start: 2026-01-01T00:00:00Z
            duration: 5m
            step: 1m
            regions:
              us-east-1: {"{"} utcOffset: -5 {"}"}
            accounts:
              isv: "{isv}"
            images:
              - {"{"} name: {image}, account: isv, region: us-east-1, baseImage: {ImageSetup.BaseImage} {"}"}
            """);

        var gateway = fixture.Cluster.Primary!.GatewayAddress!.Endpoint;
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await RegionSimCommand.Create()
            .Parse(["simulate", scenario, "--out", Path.Combine(_folder.FullName, "report"), "--cluster", "--gateway", $"{gateway.Address}:{gateway.Port}",
                "--cluster-id", fixture.Cluster.Options.ClusterId, "--service-id", fixture.Cluster.Options.ServiceId])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

        Assert.Equal(1, exit);
        Assert.Contains($"the scenario's world could not be built: Account {isv} already has an image named {image} in us-east-1.", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("a --service-id of its own", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_folder.FullName, "report")), "No report is written for a run that did not happen.");
    }
}
