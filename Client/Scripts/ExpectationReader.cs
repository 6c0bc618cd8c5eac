using RegionSim.Client.Scripts.Model;
using RegionSim.Client.Scripts.Steps;
using RegionSim.Client.Scripts.Values;
using YamlDotNet.RepresentationModel;

namespace RegionSim.Client.Scripts;

/// <summary>
/// Reads a step's <c>expect:</c>, <c>error:</c> and <c>count:</c> before the script runs: every path must be one
/// the step's result can have, every listed value one it can take, every error one AppStream answers.
/// </summary>
public static class ExpectationReader
{
    /// <summary>Errors a step may expect beyond the model's: those AWS answers for any operation.</summary>
    private static readonly string[] GenericErrors = ["ValidationException", "SerializationException", "UnknownOperationException", "InternalFailure"];

    public static Expectations Read(StepSource source, IStepAction action, AppStreamModel model)
    {
        string? error = null;
        if (source.Modifier("error") is { } errorNode)
        {
            error = (errorNode as YamlScalarNode)?.Value;
            if (error is null || (!model.Errors.Contains(error) && !GenericErrors.Contains(error)))
            {
                var similar = model.Errors.Concat(GenericErrors).FirstOrDefault(e => error is not null && e.StartsWith(error, StringComparison.OrdinalIgnoreCase));
                source.Problem(errorNode, similar is not null
                    ? $"error: {error} is not an AppStream error; did you mean {similar}?"
                    : $"error: {error} is not an AppStream error; the errors are {string.Join(", ", model.Errors.Concat(GenericErrors))}.");
            }
        }

        var shape = error is null ? action.ResultShape : StructureShape.Error;
        var values = new List<(ValuePath, YamlNode)>();
        if (source.Modifier("expect") is { } expect)
        {
            if (expect is not YamlMappingNode expected)
            {
                source.Problem(expect, "expect: a mapping of paths in the result to what they must be, e.g. expect: {Images[0].State: AVAILABLE}.");
            }
            else
            {
                foreach (var (key, value) in expected.Children)
                {
                    if (Path(source, key, shape, "expect") is { } path)
                    {
                        CheckExpected(source, value, path.ShapeIn(shape), path.Text);
                        values.Add((path, value));
                    }
                }
            }
        }

        var counts = new List<(ValuePath, YamlNode)>();
        if (source.Modifier("count") is { } count)
        {
            if (count is not YamlMappingNode countMapping)
            {
                source.Problem(count, "count: a mapping of lists in the result to how many items they hold, e.g. count: {Images: 3}.");
            }
            else
            {
                foreach (var (key, value) in countMapping.Children)
                {
                    if (Path(source, key, shape, "count") is not { } path)
                    {
                        continue;
                    }

                    if (path.ShapeIn(shape).Kind is not (ShapeKind.List or ShapeKind.Map or ShapeKind.Any))
                    {
                        source.Problem(key, $"count: {path} is not a list in the result, so it has no count.");
                    }

                    source.Json.Convert(value, ValueShape.Integer, $"count {path}");
                    counts.Add((path, value));
                }
            }
        }

        var expectations = new Expectations(error, values, counts);
        return action is UntilStep until ? Merge(until.ConditionExpectations, expectations) : expectations;
    }

    private static Expectations Merge(Expectations condition, Expectations step) =>
        new(condition.Error ?? step.Error, [.. condition.Values, .. step.Values], [.. condition.Counts, .. step.Counts]);

    private static ValuePath? Path(StepSource source, YamlNode key, ValueShape shape, string modifier)
    {
        var text = (key as YamlScalarNode)?.Value ?? "";
        var path = ValuePath.Parse(text, out var problem);
        if (path is null)
        {
            source.Problem(key, $"{modifier}: {problem}");
            return null;
        }

        if (path.Check(shape) is { } mismatch)
        {
            source.Problem(key, $"{modifier}: {mismatch}");
            return null;
        }

        return path;
    }

    /// <summary>An expected value: its members must be in the shape, a listed value among the listed ones, references must resolve.</summary>
    private static void CheckExpected(StepSource source, YamlNode expected, ValueShape shape, string path)
    {
        switch (expected)
        {
            case YamlMappingNode members:
                foreach (var (key, value) in members.Children)
                {
                    var name = (key as YamlScalarNode)?.Value ?? "";
                    var member = ValuePath.Parse(name, out _) is { } one && one.Segments.Count == 1 ? one : null;
                    if (member is null)
                    {
                        source.Problem(key, $"expect {path}: '{YamlText.Flow(key)}' is not a member's name.");
                        continue;
                    }

                    if (member.Check(shape, path) is { } problem)
                    {
                        source.Problem(key, $"expect {path}: {problem}");
                        continue;
                    }

                    CheckExpected(source, value, member.ShapeIn(shape), $"{path}.{name}");
                }

                break;
            case YamlSequenceNode items:
                if (shape.Kind is not (ShapeKind.List or ShapeKind.Any))
                {
                    source.Problem(expected, $"expect {path}: the result has {YamlJson.Expected(shape)} there, not a list.");
                    break;
                }

                foreach (var item in items.Children)
                {
                    CheckExpected(source, item, shape.Element ?? ValueShape.Any, $"{path}[]");
                }

                break;
            case YamlScalarNode scalar when !YamlJson.IsNull(scalar):
                var template = Template.Parse(scalar.Value!, out var malformed);
                if (template is null)
                {
                    source.Problem(scalar, $"expect {path}: {malformed}");
                }
                else if (template.References.Count > 0)
                {
                    foreach (var reference in template.References.Where(r => source.Scope.Check(r) is not null))
                    {
                        source.Problem(scalar, $"expect {path}: {source.Scope.Check(reference)}");
                    }
                }
                else if (shape.Enum is { } values && !values.Contains(scalar.Value!))
                {
                    source.Problem(scalar, $"expect {path}: {scalar.Value} is not a value it can have ({string.Join(", ", values)}).");
                }

                break;
        }
    }
}
