using System.Text.Json;

using RegionSim.Client.Scripts.Values;

namespace RegionSim.Client.Scripts.Model;

/// <summary>One shape of the model: a structure with members, a list, a map, or a scalar type.</summary>
public sealed class ModelShape : ValueShape
{
    private readonly AppStreamModel _model;
    private readonly JsonElement _definition;

    internal ModelShape(AppStreamModel model, string name, JsonElement definition)
    {
        _model = model;
        _definition = definition;
        Name = name;
        Kind = definition.GetProperty("type").GetString() switch
        {
            "structure" => ShapeKind.Structure,
            "list" => ShapeKind.List,
            "map" => ShapeKind.Map,
            "string" => ShapeKind.String,
            "boolean" => ShapeKind.Boolean,
            "integer" or "long" => ShapeKind.Integer,
            "double" or "float" => ShapeKind.Double,
            "timestamp" => ShapeKind.Timestamp,
            _ => ShapeKind.Any,
        };
        Enum = definition.TryGetProperty("enum", out var values) ? values.EnumerateArray().Select(value => value.GetString()!).ToArray() : null;
        MemberNames = Kind == ShapeKind.Structure && definition.TryGetProperty("members", out var members)
            ? members.EnumerateObject().Select(member => member.Name).ToArray()
            : [];
        Required = definition.TryGetProperty("required", out var required)
            ? required.EnumerateArray().Select(name => name.GetString()!).ToArray()
            : [];
    }

    public override string Name { get; }

    public override ShapeKind Kind { get; }

    /// <summary>A structure's members, in the model's order.</summary>
    public override IReadOnlyList<string> MemberNames { get; }

    public override IReadOnlyList<string> Required { get; }

    /// <summary>A string's allowed values, when the model lists them.</summary>
    public override IReadOnlyList<string>? Enum { get; }

    /// <summary>A structure's member of that exact name (members are case-sensitive on the wire), or null.</summary>
    public override ValueShape? Member(string name) =>
        Kind == ShapeKind.Structure && _definition.GetProperty("members").TryGetProperty(name, out var member)
            ? Reference(member)
            : null;

    /// <summary>A list's element shape.</summary>
    public override ValueShape? Element => Kind == ShapeKind.List ? Reference(_definition.GetProperty("member")) : null;

    /// <summary>A map's value shape (map keys are strings).</summary>
    public override ValueShape? Value => Kind == ShapeKind.Map ? Reference(_definition.GetProperty("value")) : null;

    private ModelShape Reference(JsonElement reference) => _model.Shape(reference.GetProperty("shape").GetString()!);
}
