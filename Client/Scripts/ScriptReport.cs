using RegionSim.Client.Scripts.Steps;

namespace RegionSim.Client.Scripts;

public enum StepStatus
{
    Passed,
    Failed,
    NotRun,
}

/// <summary>How one step went: its result, what it expected and did not get, and the simulated time when it ended.</summary>
public sealed record StepReport(ScriptStep Step, StepStatus Status, DateTimeOffset? At, StepResult? Result, IReadOnlyList<Mismatch> Mismatches)
{
    /// <summary>Why the step failed, in one line; null when it passed.</summary>
    public string? Failure => Status != StepStatus.Failed ? null
        : Result?.Failure ?? string.Join("; ", Mismatches.Select(m => $"{m.What}: expected {m.Expected}, actual {m.Actual}"));
}

/// <summary>How a script went, step by step.</summary>
public sealed record ScriptReport(Script Script, string Target, DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<StepReport> Steps, IReadOnlyList<string> Notes)
{
    public bool Passed => Steps.All(step => step.Status == StepStatus.Passed);

    public StepReport? FirstFailure => Steps.FirstOrDefault(step => step.Status == StepStatus.Failed);
}
