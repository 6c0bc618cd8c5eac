using RegionSim.Client.Scripts.Model;
using RegionSim.Client.Scripts.Values;
using RegionSim.Client.Text;
using YamlDotNet.RepresentationModel;

namespace RegionSim.Client.Scripts.Steps;

/// <summary>
/// Waits in simulated time until a condition holds: <c>until: fleet f1 is RUNNING</c> (see
/// <see cref="UntilCondition"/>), or <c>until: {DescribeFleets: {Names: [f1]}}</c> with <c>expect:</c>. It looks,
/// and while the condition does not hold moves the clock on by <c>every</c> (1m) and looks again, at most
/// <c>within</c> (1h) of simulated time; then the step fails, showing what it saw last.
/// </summary>
public sealed class UntilStep(IStepAction probe, string condition, TimeSpan within, TimeSpan every) : IStepAction
{
    public static readonly TimeSpan DefaultWithin = TimeSpan.FromHours(1);
    public static readonly TimeSpan DefaultEvery = TimeSpan.FromMinutes(1);

    /// <summary>What the condition itself expects of each look (merged with the step's own expectations).</summary>
    public Expectations ConditionExpectations { get; private init; } = Expectations.None;

    public ValueShape ResultShape => probe.ResultShape;

    public static UntilStep? Compile(StepSource source, AppStreamModel model)
    {
        var within = Duration(source, "within", DefaultWithin);
        var every = Duration(source, "every", DefaultEvery);
        if (every <= TimeSpan.Zero)
        {
            source.Problem(source.Modifier("every")!, "every: the clock must move on between looks; give a positive duration.");
        }

        switch (source.Argument)
        {
            case YamlScalarNode { Value: { } text } scalar when !YamlJson.IsNull(scalar):
                return UntilCondition.Compile(source, scalar, model) is { } parsed
                    ? new UntilStep(parsed.Probe, text, within, every) { ConditionExpectations = parsed.Expectations }
                    : null;
            case YamlMappingNode { Children.Count: 1 } mapping
                when mapping.Children.First().Key is YamlScalarNode { Value: { } name } key && model.Operations.TryGetValue(name, out var operation):
                if (source.Modifier("expect") is null && source.Modifier("count") is null && source.Modifier("error") is null)
                {
                    source.Problem(source.ActionKey, $"until {name}: say what to wait for with expect:, count: or error:.");
                }

                var probe = OperationStep.Compile(source.With(key, mapping.Children.First().Value), operation);
                return new UntilStep(probe, $"{name} {YamlText.Flow(mapping.Children.First().Value, 60)}", within, every);
            default:
                source.Problem(source.Argument, "until: a condition (fleet f1 is RUNNING, image app is AVAILABLE, builder ib1 is STOPPED, " +
                    "session alice is EXPIRED, fleet f1 has 2 available, image app is gone), or one AppStream operation ({DescribeFleets: {Names: [f1]}}) with expect:.");
                return null;
        }
    }

    public async Task<StepResult> RunAsync(ScriptStep step, ScriptContext context)
    {
        var started = await context.Clock.GetNowAsync();
        var deadline = started + within;
        var now = started;
        while (true)
        {
            var look = await LookAsync(step, context);
            var mismatches = look.Failure is null ? step.Expect.Check(look, context) : [];
            if (look.Failure is null && mismatches.Count == 0)
            {
                return look with { Summary = now == started ? "held at once" : $"held after {SimDuration.Format(now - started)}" };
            }

            if (now >= deadline)
            {
                var seen = look.Failure ?? string.Join("; ", mismatches.Select(m => $"{m.What} is {m.Actual}, not {m.Expected}"));
                return StepResult.Failed($"'{condition}' did not hold within {SimDuration.Format(within)}: {seen}", look.Value);
            }

            var next = now + every < deadline ? every : deadline - now;
            now = await context.Clock.AdvanceByAsync(next);
        }
    }

    /// <summary>One look; an AppStream error while looking (a resource not there yet) is something to look at, not a failure.</summary>
    private async Task<StepResult> LookAsync(ScriptStep step, ScriptContext context)
    {
        try
        {
            return await probe.RunAsync(step, context);
        }
        catch (Errors.AppStreamException error)
        {
            return StepResult.Error(error.WireType, error.Message);
        }
    }

    private static TimeSpan Duration(StepSource source, string modifier, TimeSpan otherwise)
    {
        if (source.Modifier(modifier) is not { } node)
        {
            return otherwise;
        }

        var text = (node as YamlScalarNode)?.Value;
        if (SimDuration.TryParse(text, out var span))
        {
            return span;
        }

        source.Problem(node, $"{modifier}: '{text}' is not a duration (write it like 90s, 25m, 1h30m or 2d).");
        return otherwise;
    }
}
