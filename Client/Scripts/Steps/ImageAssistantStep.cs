using System.Text.Json.Nodes;
using RegionSim.Client.ImageAssistant;
using RegionSim.Client.Scripts.Values;
using RegionSim.ImageBuilders;
using YamlDotNet.RepresentationModel;

namespace RegionSim.Client.Scripts.Steps;

/// <summary>
/// An Image Assistant CLI operation on a builder, written as after <c>image-assistant</c> on the builder
/// (<c>image-assistant: add-application --name notepad --absolute-app-path C:\...</c>, with <c>builder:</c>),
/// read by the same command definitions as <c>regionsim image-assistant</c>. Its result is what the CLI prints,
/// <c>{"status": 0, "message": "Success"}</c> (and <c>applications</c>), with the <c>warnings</c> it writes
/// to standard error. A status other than 0 fails the step unless the step expects a <c>status</c>.
/// </summary>
public sealed class ImageAssistantStep(Template builder, Template command) : IStepAction
{
    public static StructureShape Answer { get; } = new("Image Assistant answer",
    [
        ("status", ValueShape.Integer),
        ("message", ValueShape.String),
        ("applications", ValueShape.ListOf(TypeShape.Of<ApplicationConfig>())),
        ("warnings", ValueShape.ListOf(ValueShape.String)),
    ]);

    public ValueShape ResultShape => Answer;

    public static ImageAssistantStep? Compile(StepSource source)
    {
        var builder = source.Modifier("builder") is { } builderNode ? source.Scalar(builderNode, "builder") : null;
        if (source.Modifier("builder") is null)
        {
            source.Problem(source.ActionKey, "image-assistant runs on an image builder: add builder: <name> to the step.");
        }

        var command = source.Argument is YamlSequenceNode tokens && tokens.Children.All(t => t is YamlScalarNode)
            ? source.Scalar(new YamlScalarNode(string.Join(" ", tokens.Children.Select(t => Quote(((YamlScalarNode)t).Value ?? "")))), "image-assistant")
            : source.Scalar(source.Argument, "image-assistant");
        if (builder is null || command is null)
        {
            return null;
        }

        // References are filled in when the step runs; any text stands for them while the operation is checked.
        var checkable = command.References.Aggregate(command.Text, (text, reference) => text.Replace(reference.Text, "x", StringComparison.Ordinal));
        if (ImageAssistantInvocation.Read(checkable, out var problem) is null)
        {
            source.Problem(source.Argument, $"image-assistant: {problem}");
            return null;
        }

        return new ImageAssistantStep(builder, command);
    }

    public async Task<StepResult> RunAsync(ScriptStep step, ScriptContext context)
    {
        var text = Template.TextOf(command.Resolve(context.Resolve));
        var invocation = ImageAssistantInvocation.Read(text, out var problem) ?? throw new StepFailure($"image-assistant: {problem}");
        var builderName = Template.TextOf(builder.Resolve(context.Resolve));
        var answer = await invocation.RunAsync(context.Grains.GetImageBuilder(step.Region, step.Account!, builderName));

        var printed = ImageAssistantOutput.Format(answer);
        var json = JsonNode.Parse(printed)!.AsObject();
        if (answer.Warnings.Count > 0)
        {
            json["warnings"] = new JsonArray(answer.Warnings.Select(warning => (JsonNode)JsonValue.Create(warning)).ToArray());
        }

        var summary = ResultSummary.Short(printed) + (answer.Warnings.Count > 0 ? $" ({answer.Warnings.Count} warning{(answer.Warnings.Count > 1 ? "s" : "")})" : "");
        return answer.Status != ImageAssistantResult.Success && !step.Expect.Mentions("status")
            ? StepResult.Failed($"Image Assistant answered {printed} (expect status: {answer.Status} if the step means it)", json)
            : StepResult.Of(json, summary);
    }

    private static string Quote(string token) => token.Any(char.IsWhiteSpace) ? $"\"{token}\"" : token;
}
