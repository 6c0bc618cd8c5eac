using System.Text.Json.Nodes;
using RegionSim.Client.Scripts.Model;
using RegionSim.Client.Scripts.Values;
using YamlDotNet.RepresentationModel;

namespace RegionSim.Client.Scripts.Steps;

/// <summary>
/// An AppStream operation by its API name with the API's parameters (<c>CopyImage: {SourceImageName: ...}</c>),
/// called through <see cref="Silo.AppStream.AppStreamApi"/> as the step's account in its Region: the
/// endpoint's translation and the grains' rules are exactly what AWS clients get.
/// </summary>
public sealed class OperationStep(ModelOperation operation, string file, YamlNode? request) : IStepAction
{
    private static readonly StructureShape Empty = new("empty output", []);

    public ModelOperation Operation => operation;

    public ValueShape ResultShape => (ValueShape?)operation.Output ?? Empty;

    public static OperationStep Compile(StepSource source, ModelOperation operation)
    {
        var request = source.Argument is YamlScalarNode scalar && YamlJson.IsNull(scalar) ? null : source.Argument;
        if (request is not null and not YamlMappingNode)
        {
            source.Problem(request, $"{operation.Name} takes its parameters as a mapping ({operation.Name}: {{{string.Join(", ", operation.Input?.MemberNames.Take(3).Select(m => $"{m}: ...") ?? [])}}}), or nothing.");
        }
        else if (operation.Input is { } input)
        {
            source.Json.Convert(request ?? new YamlMappingNode(), input, "");
        }

        return new OperationStep(operation, source.File, request);
    }

    public async Task<StepResult> RunAsync(ScriptStep step, ScriptContext context)
    {
        var json = request is null || operation.Input is null
            ? new JsonObject()
            : new YamlJson(file, context).Convert(request, operation.Input, "") ?? new JsonObject();
        var answer = await context.Api.InvokeAsync(step.Account!, step.Region, operation.Name, json.ToJsonString());
        return answer.IsError
            ? StepResult.Error(answer.ErrorType!, answer.ErrorMessage!)
            : StepResult.Of(JsonNode.Parse(answer.JsonText), ResultSummary.Of(JsonNode.Parse(answer.JsonText)));
    }
}
