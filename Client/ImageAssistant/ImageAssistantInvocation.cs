using System.CommandLine;
using System.CommandLine.Parsing;
using RegionSim.ImageBuilders;

namespace RegionSim.Client.ImageAssistant;

/// <summary>
/// An Image Assistant operation as typed after <c>image-assistant</c> (<c>add-application --name notepad ...</c>),
/// read by the same command definitions as <c>regionsim image-assistant</c>, to run on a builder the caller
/// already holds (scripts do). The builder and the cluster are the caller's, so their options are refused.
/// </summary>
public sealed class ImageAssistantInvocation
{
    private static readonly string[] CallerOptions = ["--account", "--region", "--image-builder", "--gateway", "--redis", "--cluster-id", "--service-id"];

    private readonly ParseResult _result;
    private readonly ImageAssistantAction _action;

    private ImageAssistantInvocation(ParseResult result, ImageAssistantAction action)
    {
        _result = result;
        _action = action;
    }

    /// <summary>The operation's name (<c>create-image</c>).</summary>
    public string Operation => _result.CommandResult.Command.Name;

    /// <summary>Reads <paramref name="commandLine"/>; null with <paramref name="problem"/> when it is no operation Image Assistant would run.</summary>
    public static ImageAssistantInvocation? Read(string commandLine, out string? problem) =>
        Read(CommandLineParser.SplitCommandLine(commandLine).ToArray(), out problem);

    public static ImageAssistantInvocation? Read(IReadOnlyList<string> tokens, out string? problem)
    {
        problem = null;
        if (tokens.FirstOrDefault(token => CallerOptions.Contains(token.Split('=')[0])) is { } given)
        {
            problem = $"{given} is not an option here: the script says which builder Image Assistant runs on.";
            return null;
        }

        var result = ImageAssistantCommand.Create().Parse(tokens);
        if (result.Action is not ImageAssistantAction action || result.CommandResult.Command.Name == "image-assistant")
        {
            var operations = ImageAssistantCommand.Create().Subcommands.Where(c => c.Name != "help").Select(c => c.Name);
            problem = $"'{string.Join(" ", tokens)}' is not an Image Assistant operation; the operations are {string.Join(", ", operations)}.";
            return null;
        }

        problem = ImageAssistantAction.ParseProblem(result) ?? action.OperationProblem(result);
        return problem is null ? new ImageAssistantInvocation(result, action) : null;
    }

    public Task<ImageAssistantResult> RunAsync(IImageBuilderGrain builder) => _action.CallAsync(_result, builder);
}
