using System.Text.Json.Nodes;
using RegionSim.Client.Scripts.Values;
using RegionSim.Client.Yaml;
using YamlDotNet.RepresentationModel;

namespace RegionSim.Client.Scripts;

/// <summary>
/// One step as the file writes it, while it is checked: its action key and value, its modifiers
/// (<c>account</c>, <c>expect</c>, ...), the scope of references at that point, and where problems go.
/// </summary>
public sealed class StepSource(string file, YamlMappingNode node, YamlScalarNode actionKey, YamlNode argument,
    IReadOnlyDictionary<string, YamlNode> modifiers, ScriptScope scope, List<YamlProblem> problems)
{
    public string File => file;
    public YamlMappingNode Node => node;
    public string Action => actionKey.Value!;
    public YamlScalarNode ActionKey => actionKey;

    /// <summary>The value of the action key.</summary>
    public YamlNode Argument => argument;

    public ScriptScope Scope => scope;

    /// <summary>Checks values against shapes, collecting problems.</summary>
    public YamlJson Json => new(file, scope, problems);

    public YamlNode? Modifier(string name) => modifiers.GetValueOrDefault(name);

    public bool HasProblems => problems.Count > 0;

    public void Problem(YamlNode at, string message) => problems.Add(new YamlProblem(file, at.Start, message));

    /// <summary>The same step seen with another action (a step inside a step, like the operation <c>until</c> repeats).</summary>
    public StepSource With(YamlScalarNode key, YamlNode value) => new(file, node, key, value, modifiers, scope, problems);

    /// <summary>The argument as a template (a single value), checked; null after a problem.</summary>
    public Template? Scalar(YamlNode node, string member)
    {
        if (node is not YamlScalarNode scalar || YamlJson.IsNull(scalar))
        {
            Problem(node, $"{member}: give a value{(node is YamlScalarNode ? "" : $", not a {(node is YamlMappingNode ? "mapping" : "list")}")}.");
            return null;
        }

        var template = Template.Parse(scalar.Value!, out var malformed);
        if (template is null)
        {
            Problem(node, $"{member}: {malformed}");
            return null;
        }

        foreach (var reference in template.References)
        {
            if (scope.Check(reference) is { } problem)
            {
                Problem(node, $"{member}: {problem}");
            }
        }

        return template;
    }

    /// <summary>
    /// The argument as a structure of <paramref name="shape"/>, checked now and converted when the step runs.
    /// A single value stands for <paramref name="scalarMember"/> (<c>disconnect: alice</c> is <c>{session: alice}</c>).
    /// </summary>
    public StepArguments Arguments(StructureShape shape, string? scalarMember = null)
    {
        var arguments = new StepArguments(file, argument, shape, Action, scalarMember);
        arguments.Check(scope, problems);
        return arguments;
    }
}

/// <summary>A step's arguments: a mapping of <see cref="StructureShape"/>, or one value standing for one member; JSON when the step runs.</summary>
public sealed class StepArguments(string file, YamlNode value, StructureShape shape, string action, string? scalarMember)
{
    public void Check(IValueScope scope, List<YamlProblem> problems) => Convert(new YamlJson(file, scope, problems), problems);

    public JsonObject Resolve(IValueScope scope) => Convert(new YamlJson(file, scope), null);

    private JsonObject Convert(YamlJson json, List<YamlProblem>? problems)
    {
        JsonObject result;
        if (value is YamlScalarNode scalar && !YamlJson.IsNull(scalar) && scalarMember is not null)
        {
            result = new JsonObject { [scalarMember] = json.Convert(scalar, shape.Member(scalarMember)!, $"{action}") };
        }
        else if (value is YamlScalarNode nothing && YamlJson.IsNull(nothing))
        {
            result = [];
        }
        else
        {
            return json.Convert(value, shape, action) as JsonObject ?? [];
        }

        var missing = shape.Required.Where(member => !result.ContainsKey(member)).ToList();
        if (missing.Count > 0)
        {
            var problem = $"{action} needs {string.Join(" and ", missing)}: write {action}: {{{string.Join(", ", shape.Required.Select(m => $"{m}: ..."))}}}.";
            if (problems is null)
            {
                throw new StepFailure(problem);
            }

            problems.Add(new YamlProblem(file, value.Start, problem));
        }

        return result;
    }
}
