using System.CommandLine;
using RegionSim.Silo.Hosting;

namespace RegionSim.Client.Commands;

/// <summary><c>regionsim silo</c>: runs a silo in this process, taking the silo program's options.</summary>
public static class SiloCommand
{
    public static Command Create()
    {
        var command = new Command("silo", "Run a local silo with the AppStream endpoint (options as the Silo program: --clock manual|realtime, --speedup N, --gateway-port, ...)")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            try
            {
                await RegionSimHost.Build([.. result.UnmatchedTokens]).RunAsync();
                return 0;
            }
            catch (ArgumentException error)
            {
                await Console.Error.WriteLineAsync($"regionsim silo: {error.Message}");
                return 2;
            }
        });
        return command;
    }
}
