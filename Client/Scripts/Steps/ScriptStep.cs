using RegionSim.Client.Scripts.Values;

namespace RegionSim.Client.Scripts.Steps;

/// <summary>One step of a script: where it is written, whom it runs as, what it does and what it expects.</summary>
public sealed record ScriptStep
{
    /// <summary>1 for the first step.</summary>
    public required int Number { get; init; }
    public required int Line { get; init; }

    /// <summary>The <c>step:</c> label, or the action as written.</summary>
    public required string Title { get; init; }

    /// <summary>The action's key (<c>CopyImage</c>, <c>until</c>, <c>connect</c>, ...).</summary>
    public required string Kind { get; init; }

    /// <summary>The account the step runs as; null for steps that need none (the clock).</summary>
    public string? Account { get; init; }
    public required string Region { get; init; }

    /// <summary>The name its result is saved under (<c>save: url1</c>), or null.</summary>
    public string? Save { get; init; }
    public required IStepAction Action { get; init; }
    public required Expectations Expect { get; init; }
}

/// <summary>What a step does: the shape of its result (to check paths before the run), and running it.</summary>
public interface IStepAction
{
    ValueShape ResultShape { get; }

    Task<StepResult> RunAsync(ScriptStep step, ScriptContext context);
}
