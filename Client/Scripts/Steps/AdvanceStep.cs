using System.Text.Json.Nodes;
using RegionSim.Client.Scripts.Values;
using RegionSim.Client.Text;

namespace RegionSim.Client.Scripts.Steps;

/// <summary><c>advance: 2h</c>: moves simulated time on; everything due by then happens first. Its result is the new time, <c>{Now}</c>.</summary>
public sealed class AdvanceStep(TimeSpan span) : IStepAction
{
    public static StructureShape Clock { get; } = new("clock", [("Now", ValueShape.Timestamp)]);

    public ValueShape ResultShape => Clock;

    public static AdvanceStep? Compile(StepSource source)
    {
        var text = source.Argument is YamlDotNet.RepresentationModel.YamlScalarNode scalar ? scalar.Value : null;
        if (!SimDuration.TryParse(text, out var span))
        {
            source.Problem(source.Argument, $"advance: '{text}' is not a duration (write it like 90s, 25m, 1h30m or 2d).");
            return null;
        }

        return new AdvanceStep(span);
    }

    public async Task<StepResult> RunAsync(ScriptStep step, ScriptContext context)
    {
        var now = await context.Clock.AdvanceByAsync(span);
        return StepResult.Of(new JsonObject { ["Now"] = now.ToUnixTimeMilliseconds() / 1000m }, $"+{SimDuration.Format(span)}");
    }
}
