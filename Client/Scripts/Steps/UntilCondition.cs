using System.Text.RegularExpressions;
using RegionSim.Client.Scripts.Model;
using RegionSim.Client.Scripts.Values;
using YamlDotNet.RepresentationModel;

namespace RegionSim.Client.Scripts.Steps;

/// <summary>
/// The conditions <c>until:</c> reads, each a look through the account's own eyes and what it must show:
/// <list type="bullet">
/// <item><c>image NAME is STATE</c> (DescribeImages; NAME may be an ARN, for an image shared with the account), <c>image NAME is gone</c>;</item>
/// <item><c>builder NAME is STATE</c> (DescribeImageBuilders), <c>builder NAME is gone</c>;</item>
/// <item><c>fleet NAME is STATE</c> (DescribeFleets), <c>fleet NAME is gone</c>, <c>fleet NAME has N desired|running|in use|available</c>;</item>
/// <item><c>session NAME is STATE</c>: a session a <c>connect</c> step saved; ACTIVE, PENDING, EXPIRED, CONNECTED or NOT_CONNECTED.</item>
/// </list>
/// </summary>
public static partial class UntilCondition
{
    public static (IStepAction Probe, Expectations Expectations)? Compile(StepSource source, YamlScalarNode text, AppStreamModel model)
    {
        var match = Shape().Match(text.Value!.Trim());
        if (!match.Success)
        {
            source.Problem(text, $"until: '{text.Value}' is not a condition; write e.g. fleet f1 is RUNNING, image app is AVAILABLE, image app is gone, " +
                "builder ib1 is STOPPED, session alice is EXPIRED, fleet f1 has 2 available.");
            return null;
        }

        var kind = match.Groups["kind"].Value.ToLowerInvariant();
        var name = new YamlScalarNode(match.Groups["name"].Value);
        if (source.Scalar(text, "until") is null)
        {
            return null;
        }

        IStepAction probe;
        string listMember;
        switch (kind)
        {
            case "image":
                probe = Describe(source, model, "DescribeImages", name.Value!.StartsWith("arn:", StringComparison.Ordinal) ? "Arns" : "Names", name);
                listMember = "Images";
                break;
            case "builder" or "image builder":
                probe = Describe(source, model, "DescribeImageBuilders", "Names", name);
                listMember = "ImageBuilders";
                break;
            case "fleet":
                probe = Describe(source, model, "DescribeFleets", "Names", name);
                listMember = "Fleets";
                break;
            default:
                if (!source.Scope.IsSession(name.Value!))
                {
                    source.Problem(text, $"until: no step before this one connects a session saved as {name.Value}.");
                    return null;
                }

                probe = UserActionStep.Compile(source.With(new YamlScalarNode("session-details"), name))!;
                listMember = "";
                break;
        }

        if (match.Groups["gone"].Success)
        {
            if (kind == "session")
            {
                source.Problem(text, "until: a session is never gone; wait until it is EXPIRED.");
                return null;
            }

            return (probe, new Expectations("ResourceNotFoundException", [], []));
        }

        string path;
        string expected;
        if (match.Groups["count"].Success)
        {
            if (kind != "fleet")
            {
                source.Problem(text, "until: only a fleet has instances to count (fleet f1 has 2 available).");
                return null;
            }

            var member = match.Groups["what"].Value.ToLowerInvariant() switch
            {
                "desired" => "Desired",
                "running" => "Running",
                "available" => "Available",
                _ => "InUse",
            };
            path = $"Fleets[0].ComputeCapacityStatus.{member}";
            expected = match.Groups["count"].Value;
        }
        else
        {
            var state = match.Groups["state"].Value;
            path = kind == "session"
                ? state is "CONNECTED" or "NOT_CONNECTED" ? "ConnectionState" : "State"
                : $"{listMember}[0].State";
            expected = state;
            var states = ValuePath.Parse(path, out _)!.ShapeIn(probe.ResultShape).Enum;
            if (states is not null && !states.Contains(state) && !(kind == "session" && state is "CONNECTED" or "NOT_CONNECTED"))
            {
                source.Problem(text, $"until: {state} is not a {kind} state; the states are {string.Join(", ", states)}{(kind == "session" ? ", CONNECTED, NOT_CONNECTED" : "")}.");
                return null;
            }
        }

        var values = new List<(ValuePath, YamlNode)> { (ValuePath.Parse(path, out _)!, new YamlScalarNode(expected)) };
        return (probe, new Expectations(null, values, []));
    }

    private static OperationStep Describe(StepSource source, AppStreamModel model, string operation, string member, YamlScalarNode name) =>
        new(model.Operations[operation], source.File, new YamlMappingNode(new YamlScalarNode(member), new YamlSequenceNode(name)));

    [GeneratedRegex(@"^(?<kind>image builder|builder|image|fleet|session)\s+(?<name>\S+)\s+(?:is\s+(?:(?<gone>gone)|(?<state>[A-Z_]+))|has\s+(?<count>\d+)\s+(?<what>desired|running|in[ -]use|available)(?:\s+instances?)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex Shape();
}
