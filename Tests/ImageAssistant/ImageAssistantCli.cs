using System.CommandLine;
using RegionSim.Client.Commands;
using RegionSim.Tests.Infrastructure;

namespace RegionSim.Tests.ImageAssistant;

/// <summary>Runs <c>regionsim image-assistant ...</c> in this process, as a user types it, against the test cluster's gateway.</summary>
public sealed class ImageAssistantCli(ClusterFixture fixture, string account, string region, string builder)
{
    public sealed record Run(int ExitCode, string Output, string Error);

    public async Task<Run> RunAsync(params string[] operation)
    {
        var gateway = fixture.Cluster.Primary!.GatewayAddress!.Endpoint;
        string[] args =
        [
            "image-assistant", "--account", account, "--region", region, "--image-builder", builder,
            "--gateway", $"{gateway.Address}:{gateway.Port}",
            "--cluster-id", fixture.Cluster.Options.ClusterId, "--service-id", fixture.Cluster.Options.ServiceId,
            .. operation,
        ];
        return await RunRawAsync(args);
    }

    public static async Task<Run> RunRawAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await RegionSimCommand.Create().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return new Run(exit, output.ToString(), error.ToString());
    }
}
