using System.Text.Json;
using System.Text.Json.Nodes;
using RegionSim.Client.Scripts.Model;
using RegionSim.Client.Scripts.Values;
using RegionSim.Images;
using RegionSim.Regions;
using RegionSim.Resources;
using RegionSim.Scaling;
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

/// <summary>
/// <c>scaling: {fleet, RegisterScalableTarget, PutScalingPolicy, PutScheduledAction}</c> (simulator-level,
/// shaped after Application Auto Scaling): each given part is applied in that order; with only <c>fleet</c>, it
/// just looks. Its result is the fleet's scaling as it stands (target, policies, scheduled actions, activities).
/// </summary>
public sealed class ScalingStep(StepArguments arguments) : IStepAction
{
    private static readonly StructureShape Arguments = new("scaling",
    [
        ("fleet", ValueShape.String),
        ("RegisterScalableTarget", TypeShape.Of<RegisterScalableTargetRequest>()),
        ("PutScalingPolicy", TypeShape.Of<PutScalingPolicyRequest>()),
        ("PutScheduledAction", TypeShape.Of<PutScheduledActionRequest>()),
    ], required: ["fleet"]);

    public ValueShape ResultShape => TypeShape.Of<FleetScaling>();

    public static ScalingStep Compile(StepSource source) => new(source.Arguments(Arguments, "fleet"));

    public async Task<StepResult> RunAsync(ScriptStep step, ScriptContext context)
    {
        var values = arguments.Resolve(context);
        var scaling = context.Grains.GetFleetScaling(step.Region, step.Account!, values["fleet"]!.GetValue<string>());
        if (values["RegisterScalableTarget"] is { } target)
        {
            await scaling.RegisterScalableTargetAsync(target.Deserialize<RegisterScalableTargetRequest>(AppStreamJson.Options)!);
        }

        if (values["PutScalingPolicy"] is { } policy)
        {
            await scaling.PutScalingPolicyAsync(policy.Deserialize<PutScalingPolicyRequest>(AppStreamJson.Options)!);
        }

        if (values["PutScheduledAction"] is { } scheduled)
        {
            await scaling.PutScheduledActionAsync(scheduled.Deserialize<PutScheduledActionRequest>(AppStreamJson.Options)!);
        }

        var described = await scaling.DescribeScalingAsync();
        return StepResult.Of(JsonSerializer.SerializeToNode(described, AppStreamJson.Options),
            $"{(described.ScalableTarget is { } t ? $"{t.MinCapacity}-{t.MaxCapacity}" : "no target")}, {described.ScalingPolicies.Count} policies, {described.ScheduledActions.Count} scheduled");
    }
}
