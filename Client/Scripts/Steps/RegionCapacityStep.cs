using System.Text.Json;
using RegionSim.Client.Scripts.Values;
using RegionSim.Regions;
using RegionSim.Wire;

namespace RegionSim.Client.Scripts.Steps;

/// <summary><c>region-capacity: {instanceType, limit}</c> (simulator-level): how many instances of a type the step's Region can run at once (no limit: the default).</summary>
public sealed class RegionCapacityStep(StepArguments arguments) : IStepAction
{
    private static readonly StructureShape Arguments = new("region-capacity",
        [("instanceType", ValueShape.String), ("limit", ValueShape.Integer)], required: ["instanceType"]);

    public ValueShape ResultShape => TypeShape.Of<InstanceCapacity>();

    public static RegionCapacityStep Compile(StepSource source) => new(source.Arguments(Arguments));

    public async Task<StepResult> RunAsync(ScriptStep step, ScriptContext context)
    {
        var values = arguments.Resolve(context);
        var instanceType = values["instanceType"]!.GetValue<string>();
        var region = context.Grains.GetGrain<IRegionGrain>(step.Region);
        await region.SetInstanceLimitAsync(instanceType, values["limit"] is { } limit ? (int)limit.GetValue<long>() : null);
        var capacity = await region.GetInstanceCapacityAsync(instanceType);
        return StepResult.Of(JsonSerializer.SerializeToNode(capacity, AppStreamJson.Options), $"{instanceType}: {capacity.InUse} of {capacity.Limit} in use");
    }
}
