using System.CommandLine;
using RegionSim.Client.Cluster;

namespace RegionSim.Client.ImageAssistant;

/// <summary>Which builder Image Assistant runs on, and how to reach the cluster; given before or after the operation.</summary>
public sealed class ImageAssistantOptions
{
    public Option<string> Account { get; } = new("--account") { Description = "The 12-digit account that owns the image builder", Recursive = true };

    public Option<string> Region { get; } = new("--region") { Description = "The AWS Region of the image builder", Recursive = true };

    public Option<string> ImageBuilder { get; } = new("--image-builder") { Description = "The image builder Image Assistant runs on", Recursive = true };

    public ClusterConnection Connection { get; } = new();

    public void AddTo(Command command)
    {
        command.Options.Add(Account);
        command.Options.Add(Region);
        command.Options.Add(ImageBuilder);
        Connection.AddTo(command);
        Connection.Gateway.Recursive = true;
        Connection.Redis.Recursive = true;
        Connection.ClusterId.Recursive = true;
        Connection.ServiceId.Recursive = true;
    }
}
