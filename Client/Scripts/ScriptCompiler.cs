using System.Text.RegularExpressions;
using RegionSim.Client.Scripts.Model;
using RegionSim.Client.Scripts.Steps;
using RegionSim.Client.Scripts.Values;
using RegionSim.Client.Text;
using RegionSim.Client.Yaml;
using RegionSim.Errors;
using RegionSim.Regions;
using RegionSim.Silo.AppStream;
using RegionSim.Time;
using RegionSim.Validation;
using YamlDotNet.RepresentationModel;

namespace RegionSim.Client.Scripts;

/// <summary>
/// Checks a script and turns it into a <see cref="Script"/> before anything runs: every unknown step,
/// operation or member, every value of the wrong shape, every reference to nothing and every path that
/// can't be in a result is reported with file:line (all of them, not just the first).
/// </summary>
public sealed partial class ScriptCompiler(string file, AppStreamModel model, AppStreamOperations served)
{
    public const string DefaultRegion = "us-east-1";

    private readonly List<YamlProblem> _problems = [];

    /// <summary>Reads and checks a script file; <see cref="ScriptProblems"/> when it is wrong.</summary>
    public static Script Load(string path) => Compile(() => YamlFiles.Read<ScriptDocument>(path), path);

    /// <summary>Checks a script given as text, as if read from <paramref name="file"/>.</summary>
    public static Script Parse(string yaml, string file) => Compile(() => YamlFiles.Parse<ScriptDocument>(yaml, file), file);

    private static Script Compile(Func<ScriptDocument> read, string file)
    {
        ScriptDocument document;
        try
        {
            document = read();
        }
        catch (YamlProblem problem) when (problem.Problem.Contains("flow mapping", StringComparison.Ordinal))
        {
            // The usual causes: a path with [ ] or a ${reference} inside { }, where YAML reads brackets and braces as its own.
            throw new ScriptProblems([new YamlProblem(problem.File, problem.At,
                $"{problem.Problem.Replace("  ", " ", StringComparison.Ordinal)} (inside {{ }} YAML reads [ ] and {{ }} as its own: " +
                "write Images.0.State rather than Images[0].State, quote \"${url.StreamingURL}\", or write the mapping one member a line)")]);
        }
        catch (YamlProblem problem)
        {
            throw new ScriptProblems([problem]);
        }

        return new ScriptCompiler(file, AppStreamModel.Botocore, AppStreamOperations.All).Compile(document);
    }

    public Script Compile(ScriptDocument document)
    {
        var accounts = Accounts(document);
        var defaultAccount = document.Account is null ? null : Account(document.Account, accounts, document, "account");
        var defaultRegion = document.Region ?? DefaultRegion;
        if (!AwsRegions.IsKnown(defaultRegion))
        {
            Problem(document, $"region: {defaultRegion} is not an AppStream Region ({string.Join(", ", AwsRegions.Codes)}).");
        }

        var timings = Timings(document);
        var scope = new ScriptScope(accounts);
        var steps = new List<ScriptStep>();
        if (document.Steps is not { Children.Count: > 0 })
        {
            Problem(document, "steps: the script has no steps.");
        }

        foreach (var node in document.Steps?.Children ?? [])
        {
            if (CompileStep(node, steps.Count + 1, defaultAccount, defaultRegion, scope) is { } step)
            {
                steps.Add(step);
            }
        }

        if (_problems.Count > 0)
        {
            throw new ScriptProblems(_problems);
        }

        return new Script
        {
            File = file,
            Name = document.Name ?? System.IO.Path.GetFileNameWithoutExtension(file),
            Description = document.Description?.Trim(),
            Start = document.Start ?? Script.DefaultStart,
            Timings = timings,
            Accounts = accounts,
            Steps = steps,
        };
    }

    private ScriptStep? CompileStep(YamlNode node, int number, string? defaultAccount, string defaultRegion, ScriptScope scope)
    {
        if (node is not YamlMappingNode mapping)
        {
            Problem(node, $"a step is a mapping, like '- DescribeImages: {{Type: PRIVATE}}' or '- advance: 2h', not '{YamlText.Flow(node)}'.");
            return null;
        }

        var modifiers = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var actions = new List<(YamlScalarNode Key, YamlNode Value)>();
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key } scalarKey)
            {
                Problem(keyNode, "a step's keys are names (an action, or account:, expect:, ...).");
                continue;
            }

            if (StepKinds.CommonModifiers.Contains(key) || key is "within" or "every" or "builder")
            {
                modifiers[key] = value;
            }
            else
            {
                actions.Add((scalarKey, value));
            }
        }

        if (actions.Count != 1)
        {
            Problem(mapping, actions.Count == 0
                ? "this step does nothing: give it one action (an AppStream operation such as DescribeImages, or advance, until, connect, image-assistant, ...)."
                : $"one action per step; this one has {string.Join(" and ", actions.Select(a => a.Key.Value))}. Split it into steps.");
            return null;
        }

        var (actionKey, argument) = actions[0];
        var action = actionKey.Value!;
        var problemsBefore = _problems.Count;
        var save = modifiers.TryGetValue("save", out var saveNode) ? SaveName(saveNode, scope) : null;
        var operation = model.Operations.GetValueOrDefault(action);
        var kind = StepKinds.All.GetValueOrDefault(action);
        if (operation is null && kind is null)
        {
            Problem(actionKey, UnknownAction(action));
            SaveUnknown(scope, save, action);
            return null;
        }

        if (operation is not null && !served.TryFind(action, out _))
        {
            Problem(actionKey, $"{action} is an AppStream operation that RegionSim does not simulate; it serves {string.Join(", ", served.Names)}.");
            SaveUnknown(scope, save, action);
            return null;
        }

        foreach (var modifier in modifiers.Keys.Where(m => !StepKinds.CommonModifiers.Contains(m) && !(kind?.Modifiers.Contains(m) ?? false)))
        {
            Problem(modifiers[modifier], $"{modifier}: is not something {action} takes{(modifier == "builder" ? "" : modifier is "within" or "every" ? " (only until does)" : "")}.");
        }

        // Steps that need no account (the clock, a user's actions: the URL says whose) show none unless given one.
        var account = modifiers.TryGetValue("account", out var accountNode)
            ? Account((accountNode as YamlScalarNode)?.Value, scope.Accounts, accountNode, "account")
            : kind?.NeedsAccount == false ? null : defaultAccount;
        if (account is null && accountNode is null && (kind?.NeedsAccount ?? true))
        {
            Problem(actionKey, $"{action} runs as an account: give the script an account: at the top, or this step one.");
        }

        var region = modifiers.TryGetValue("region", out var regionNode) ? (regionNode as YamlScalarNode)?.Value ?? "" : defaultRegion;
        if (regionNode is not null && !AwsRegions.IsKnown(region))
        {
            Problem(regionNode, $"region: {region} is not an AppStream Region ({string.Join(", ", AwsRegions.Codes)}).");
        }

        var source = new StepSource(file, mapping, actionKey, argument, modifiers, scope, _problems);
        var compiled = operation is not null ? OperationStep.Compile(source, operation) : kind!.Compile(source);
        if (compiled is null)
        {
            SaveUnknown(scope, save, action);
            return null;
        }

        var expectations = ExpectationReader.Read(source, compiled, model);
        if (save is not null)
        {
            scope.Save(save, expectations.Error is null ? compiled.ResultShape : StructureShape.Error, UserActionStep.StartsSession(action));
        }

        if (_problems.Count > problemsBefore)
        {
            return null;
        }

        return new ScriptStep
        {
            Number = number,
            Line = (int)mapping.Start.Line,
            Title = modifiers.TryGetValue("step", out var title) && title is YamlScalarNode { Value: { } label } ? label : $"{action} {YamlText.Flow(argument, 70)}".TrimEnd(),
            Kind = action,
            Account = account,
            Region = region,
            Save = save,
            Action = compiled,
            Expect = expectations,
        };
    }

    /// <summary>A step that could not be read still saves its name, so that later steps are not blamed for referring to it.</summary>
    private static void SaveUnknown(ScriptScope scope, string? save, string action)
    {
        if (save is not null)
        {
            scope.Save(save, ValueShape.Any, UserActionStep.StartsSession(action));
        }
    }

    private string? SaveName(YamlNode node, ScriptScope scope)
    {
        var name = (node as YamlScalarNode)?.Value;
        if (name is null || !SaveNameShape().IsMatch(name) || name == ScriptScope.AccountsName)
        {
            Problem(node, $"save: '{name}' can't name a result: use letters, digits, - and _, starting with a letter (and not 'accounts').");
            return null;
        }

        if (scope.IsSaved(name))
        {
            Problem(node, $"save: an earlier step already saves a result as {name}; give this one another name.");
            return null;
        }

        return name;
    }

    private string UnknownAction(string action)
    {
        var operation = model.Operations.Keys.FirstOrDefault(o => string.Equals(o, action, StringComparison.OrdinalIgnoreCase));
        if (operation is not null)
        {
            return $"'{action}' is not a step; did you mean the AppStream operation {operation}? (operation names are case-sensitive)";
        }

        var similar = StepKinds.All.Keys.FirstOrDefault(k => string.Equals(k.Replace("-", ""), action.Replace("-", "").Replace("_", ""), StringComparison.OrdinalIgnoreCase));
        return similar is not null
            ? $"'{action}' is not a step; did you mean {similar}?"
            : $"'{action}' is not a step: a step is an AppStream operation by its API name (CopyImage, DescribeFleets, ...) or one of {string.Join(", ", StepKinds.All.Keys)}.";
    }

    private Dictionary<string, string> Accounts(ScriptDocument document)
    {
        var accounts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, id) in document.Accounts ?? [])
        {
            if (!IsAccountId(id))
            {
                Problem(document, $"accounts: {name} must be a 12-digit account id, not '{id}'.");
                continue;
            }

            accounts[name] = id;
        }

        return accounts;
    }

    private string? Account(string? text, IReadOnlyDictionary<string, string> accounts, object at, string member)
    {
        if (text is not null && accounts.TryGetValue(text, out var named))
        {
            return named;
        }

        if (text is not null && IsAccountId(text))
        {
            return text;
        }

        var message = $"{member}: '{text}' is neither a 12-digit account id nor one of the script's accounts{(accounts.Count > 0 ? $" ({string.Join(", ", accounts.Keys)})" : "")}.";
        if (at is YamlNode node)
        {
            Problem(node, message);
        }
        else
        {
            Problem((Located)at, message);
        }

        return null;
    }

    private static bool IsAccountId(string text)
    {
        try
        {
            Check.AccountId(text, "account");
            return true;
        }
        catch (AppStreamException)
        {
            return false;
        }
    }

    private SimulationTimings? Timings(ScriptDocument document) =>
        document.Timings is null ? null : TimingsText.Read(document.Timings, problem => Problem(document, problem));

    private void Problem(YamlNode at, string message) => _problems.Add(new YamlProblem(file, at.Start, message));

    private void Problem(Located at, string message) => _problems.Add(new YamlProblem(file, at.Location, message));

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]*$")]
    private static partial Regex SaveNameShape();
}

/// <summary>A script that is wrong, with every problem found (file:line:column and what).</summary>
public sealed class ScriptProblems(IReadOnlyList<YamlProblem> problems)
    : Exception(string.Join(Environment.NewLine, problems.Select(p => p.Message)))
{
    public IReadOnlyList<YamlProblem> Problems => problems;
}
