using System.CommandLine;
using RegionSim.Client.ImageAssistant;

namespace RegionSim.Client.Commands;

/// <summary>The <c>regionsim</c> command and its subcommands.</summary>
public static class RegionSimCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand("RegionSim: the Amazon AppStream 2.0 control plane, simulated on Microsoft Orleans.");
        root.Subcommands.Add(SiloCommand.Create());
        root.Subcommands.Add(ImagesCommand.Create());
        root.Subcommands.Add(ClusterCommand.Create());
        root.Subcommands.Add(SimulateCommand.Create());
        root.Subcommands.Add(ImageAssistantCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        return root;
    }
}
