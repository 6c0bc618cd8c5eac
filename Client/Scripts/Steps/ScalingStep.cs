using System.Text.Json;
using RegionSim.Client.Scripts.Values;
using RegionSim.Scaling;
using RegionSim.Wire;

namespace RegionSim.Client.Scripts.Steps;

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
