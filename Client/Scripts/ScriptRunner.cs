using RegionSim.Client.Scripts.Steps;
using RegionSim.Client.Scripts.Values;
using RegionSim.Errors;

namespace RegionSim.Client.Scripts;

/// <summary>
/// Runs a checked script on a silo or cluster, step by step, in simulated time. A step fails when it can't
/// do its work or its result is not what it expects (an AppStream error it does not expect included); the
/// steps after a failure are not run, since they build on it.
/// </summary>
public sealed class ScriptRunner(ScriptTarget target)
{
    public async Task<ScriptReport> RunAsync(Script script, CancellationToken cancellationToken = default)
    {
        var notes = new List<string>();
        var context = new ScriptContext(target.Grains, target.Api, script.Accounts);
        if (script.Timings is { } timings)
        {
            await context.Clock.SetTimingsAsync(timings);
            if (!target.Embedded)
            {
                notes.Add("The script's timings now apply to the whole cluster.");
            }
        }

        var start = await context.Clock.GetNowAsync();
        if (!target.Embedded && start != script.Start)
        {
            notes.Add($"The cluster's clock is its own ({start:u}); the script's start ({script.Start:u}) applies to embedded silos only.");
        }

        var reports = new List<StepReport>();
        var expected = start;
        foreach (var step in script.Steps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (reports.Any(r => r.Status == StepStatus.Failed))
            {
                reports.Add(new StepReport(step, StepStatus.NotRun, null, null, []));
                continue;
            }

            var report = await RunStepAsync(step, context);
            reports.Add(report);
            if (report.At is { } at && step.Kind is not ("advance" or "until") && at != expected && !notes.Any(n => n.StartsWith("The clock moved", StringComparison.Ordinal)))
            {
                notes.Add("The clock moved by itself during the run: does the silo run --clock realtime? Simulated times are then not reproducible.");
            }

            expected = report.At ?? expected;
        }

        return new ScriptReport(script, target.Description, start, await context.Clock.GetNowAsync(), reports, notes);
    }

    private static async Task<StepReport> RunStepAsync(ScriptStep step, ScriptContext context)
    {
        StepResult result;
        try
        {
            result = await step.Action.RunAsync(step, context);
        }
        catch (AppStreamException error)
        {
            result = StepResult.Error(error.WireType, error.Message);
        }
        catch (StepFailure failure)
        {
            result = StepResult.Failed(failure.Message);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            result = StepResult.Failed($"{error.GetType().Name}: {error.Message}");
        }

        var at = await context.Clock.GetNowAsync();
        if (result.Failure is not null)
        {
            return new StepReport(step, StepStatus.Failed, at, result, []);
        }

        IReadOnlyList<Mismatch> mismatches;
        try
        {
            mismatches = step.Expect.Check(result, context);
        }
        catch (StepFailure failure)
        {
            return new StepReport(step, StepStatus.Failed, at, result with { Failure = failure.Message }, []);
        }

        if (mismatches.Count == 0 && step.Save is { } name)
        {
            context.Saved[name] = result.Value?.DeepClone();
        }

        if (mismatches.Count == 0 && result.ErrorType is not null && result.Summary == result.ErrorType)
        {
            result = result with { Summary = $"{result.ErrorType}, as expected" };
        }

        return new StepReport(step, mismatches.Count == 0 ? StepStatus.Passed : StepStatus.Failed, at, result, mismatches);
    }
}
