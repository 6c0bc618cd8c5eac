using System.Text.Json;
using System.Text.Json.Nodes;
using RegionSim.Client.Scripts.Model;
using RegionSim.Client.Scripts.Values;
using RegionSim.Images;
using RegionSim.Resources;
using RegionSim.Wire;

namespace RegionSim.Client.Scripts.Steps;

/// <summary>
/// <c>make-image: {name, from, applications}</c> (simulator-level): a private image of the step's account
/// made straight from a public base image, without a builder, PENDING until the image creation time has
/// passed. Its result is the image as DescribeImages shows it.
/// </summary>
public sealed class MakeImageStep(StepArguments arguments) : IStepAction
{
    private static readonly StructureShape Arguments = new("make-image",
        [("name", ValueShape.String), ("from", ValueShape.String), ("applications", ValueShape.ListOf(TypeShape.Of<Application>()))],
        required: ["name", "from"]);

    public ValueShape ResultShape => AppStreamModel.Botocore.Shape("Image");

    public static MakeImageStep Compile(StepSource source) => new(source.Arguments(Arguments));

    public async Task<StepResult> RunAsync(ScriptStep step, ScriptContext context)
    {
        var values = arguments.Resolve(context);
        var name = values["name"]!.GetValue<string>();
        var from = values["from"]!.GetValue<string>();
        var content = await context.Grains.GetImage(ResourceKey.Public(step.Region, from)).GetContentAsync(step.Account!);
        var applications = values["applications"]?.Deserialize<List<Application>>(AppStreamJson.Options) ?? [];
        var image = await context.Grains.GetImage(step.Region, step.Account!, name).CreateAsync(new NewImage
        {
            Content = content with { Applications = applications },
            Description = $"made by a script from {from}",
        });
        return StepResult.Of(JsonSerializer.SerializeToNode(image, AppStreamJson.Options), ResultSummary.Of(new JsonObject { ["Image"] = JsonSerializer.SerializeToNode(image, AppStreamJson.Options) }));
    }
}
