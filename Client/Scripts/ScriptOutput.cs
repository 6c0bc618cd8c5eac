using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using RegionSim.Client.Text;
using RegionSim.Client.Yaml;
using Spectre.Console;

namespace RegionSim.Client.Scripts;

/// <summary>How <c>regionsim run</c> shows a run: a summary table for people, or JSON for machines.</summary>
public static class ScriptOutput
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void WriteTable(IAnsiConsole console, ScriptReport report)
    {
        var script = report.Script;
        console.MarkupLine($"[bold]{Markup.Escape(script.Name)}[/] ({Markup.Escape(script.File)}) on {Markup.Escape(report.Target)}");
        var accounts = script.Accounts.GroupBy(a => a.Value).ToDictionary(ids => ids.Key, ids => string.Join("/", ids.Select(a => a.Key)));
        var table = new Table().Border(TableBorder.Rounded).AddColumns("#", "Line", "Time", "Account", "Region", "Step", "Result");
        foreach (var step in report.Steps)
        {
            var account = step.Step.Account is { } id ? accounts.GetValueOrDefault(id, id) : "";
            var result = step.Status switch
            {
                StepStatus.Passed => step.Result?.Summary is null or "ok" ? "[green]ok[/]" : $"[green]ok[/] {Markup.Escape(step.Result.Summary)}",
                StepStatus.Failed => $"[red]FAILED[/] {Markup.Escape(step.Failure ?? "")}",
                _ => "[grey]not run[/]",
            };
            table.AddRow(
                step.Step.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                step.Step.Line.ToString(System.Globalization.CultureInfo.InvariantCulture),
                step.At is { } at ? $"+{SimDuration.Format(at - report.Start)}" : "",
                Markup.Escape(account),
                Markup.Escape(step.Step.Region),
                Markup.Escape(step.Step.Title),
                result);
        }

        console.Write(table);
        if (report.FirstFailure is { } failed)
        {
            console.MarkupLine($"[red]Step {failed.Step.Number} (line {failed.Step.Line}: {Markup.Escape(failed.Step.Title)}) failed:[/]");
            if (failed.Mismatches.Count == 0)
            {
                console.MarkupLine($"  {Markup.Escape(failed.Failure ?? "")}");
            }

            foreach (var mismatch in failed.Mismatches)
            {
                console.MarkupLine($"  {Markup.Escape(mismatch.What)}: expected [green]{Markup.Escape(mismatch.Expected)}[/], actual [red]{Markup.Escape(mismatch.Actual)}[/]");
            }
        }

        foreach (var note in report.Notes)
        {
            console.MarkupLine($"[yellow]Note:[/] {Markup.Escape(note)}");
        }

        var passed = report.Steps.Count(s => s.Status == StepStatus.Passed);
        console.MarkupLine(report.Passed
            ? $"[green]Passed[/]: {passed} steps in {SimDuration.Format(report.End - report.Start)} of simulated time."
            : $"[red]Failed[/]: {passed} of {report.Steps.Count} steps passed.");
    }

    /// <summary>One problem a line, file:line:column first, as compilers write them (so editors can jump to them).</summary>
    public static void WriteProblems(TextWriter output, string file, IReadOnlyList<YamlProblem> problems)
    {
        output.WriteLine($"{file} is not a script regionsim can run ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}); nothing ran:");
        foreach (var problem in problems)
        {
            output.WriteLine(problem.Message);
        }
    }

    public static string Json(ScriptReport report)
    {
        var accounts = report.Script.Accounts;
        var json = new JsonObject
        {
            ["script"] = report.Script.File,
            ["name"] = report.Script.Name,
            ["target"] = report.Target,
            ["passed"] = report.Passed,
            ["start"] = report.Start,
            ["end"] = report.End,
            ["simulatedDuration"] = SimDuration.Format(report.End - report.Start),
            ["accounts"] = new JsonObject(accounts.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)JsonValue.Create(a.Value)))),
            ["steps"] = new JsonArray(report.Steps.Select(Step).ToArray()),
            ["notes"] = new JsonArray(report.Notes.Select(n => (JsonNode)JsonValue.Create(n)).ToArray()),
        };
        return json.ToJsonString(Indented);
    }

    public static string Json(string file, IReadOnlyList<YamlProblem> problems) => new JsonObject
    {
        ["script"] = file,
        ["passed"] = false,
        ["problems"] = new JsonArray(problems.Select(problem => (JsonNode)new JsonObject
        {
            ["file"] = problem.File,
            ["line"] = problem.At.Line,
            ["column"] = problem.At.Column,
            ["message"] = problem.Problem,
        }).ToArray()),
    }.ToJsonString(Indented);

    private static JsonNode Step(StepReport report)
    {
        var step = report.Step;
        var json = new JsonObject
        {
            ["number"] = step.Number,
            ["line"] = step.Line,
            ["step"] = step.Title,
            ["kind"] = step.Kind,
            ["account"] = step.Account,
            ["region"] = step.Region,
            ["status"] = report.Status switch { StepStatus.Passed => "passed", StepStatus.Failed => "failed", _ => "not-run" },
        };
        if (report.At is { } at)
        {
            json["at"] = at;
        }

        if (report.Result is { } result)
        {
            json["summary"] = result.Summary;
            if (result.ErrorType is not null)
            {
                json["error"] = new JsonObject { ["type"] = result.ErrorType, ["message"] = result.ErrorMessage };
            }

            json["result"] = result.Value?.DeepClone();
        }

        if (report.Failure is { } failure)
        {
            json["failure"] = failure;
            json["mismatches"] = new JsonArray(report.Mismatches.Select(m => (JsonNode)new JsonObject
            {
                ["what"] = m.What,
                ["expected"] = m.Expected,
                ["actual"] = m.Actual,
            }).ToArray());
        }

        return json;
    }
}
