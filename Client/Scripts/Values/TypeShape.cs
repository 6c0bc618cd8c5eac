using System.Text.Json.Serialization.Metadata;
using RegionSim.Wire;

namespace RegionSim.Client.Scripts.Values;

/// <summary>
/// The shape of one of the simulator's own records as <see cref="AppStreamJson"/> writes it (members as
/// named, enums in upper snake case, timestamps in epoch seconds): for steps that are not AppStream
/// operations (a user's session, what a builder holds, scaling).
/// </summary>
public sealed class TypeShape : ValueShape
{
    private readonly JsonTypeInfo _info;

    private TypeShape(Type type)
    {
        Type = Nullable.GetUnderlyingType(type) ?? type;
        _info = AppStreamJson.Options.GetTypeInfo(Type);
        Kind = KindOf(Type, _info);
        MemberNames = Kind == ShapeKind.Structure ? _info.Properties.Select(p => p.Name).ToArray() : [];
    }

    public Type Type { get; }

    public override string Name => Type.Name;

    public override ShapeKind Kind { get; }

    public override IReadOnlyList<string> MemberNames { get; }

    /// <summary>The record's <c>required</c> members.</summary>
    public override IReadOnlyList<string> Required =>
        Kind == ShapeKind.Structure ? _info.Properties.Where(p => p.IsRequired).Select(p => p.Name).ToArray() : [];

    public static TypeShape Of<T>() => Of(typeof(T));

    public static TypeShape Of(Type type) => new(type);

    public override ValueShape? Member(string name) =>
        Kind == ShapeKind.Structure && _info.Properties.FirstOrDefault(p => p.Name == name) is { } property ? Of(property.PropertyType) : null;

    public override ValueShape? Element => Kind == ShapeKind.List && _info.ElementType is { } element ? Of(element) : null;

    public override ValueShape? Value => Kind == ShapeKind.Map && _info.ElementType is { } element ? Of(element) : null;

    /// <summary>An enum's wire names.</summary>
    public override IReadOnlyList<string>? Enum => Type.IsEnum ? System.Enum.GetValues(Type).Cast<object>().Select(WireName).ToArray() : null;

    private static string WireName(object value) =>
        System.Text.Json.JsonSerializer.Serialize(value, value.GetType(), AppStreamJson.Options).Trim('"');

    private static ShapeKind KindOf(Type type, JsonTypeInfo info)
    {
        if (type == typeof(string) || type.IsEnum)
        {
            return ShapeKind.String;
        }

        if (type == typeof(bool))
        {
            return ShapeKind.Boolean;
        }

        if (type == typeof(int) || type == typeof(long))
        {
            return ShapeKind.Integer;
        }

        if (type == typeof(double) || type == typeof(decimal) || type == typeof(float))
        {
            return ShapeKind.Double;
        }

        if (type == typeof(DateTimeOffset))
        {
            return ShapeKind.Timestamp;
        }

        return info.Kind switch
        {
            JsonTypeInfoKind.Object => ShapeKind.Structure,
            JsonTypeInfoKind.Enumerable => ShapeKind.List,
            JsonTypeInfoKind.Dictionary => ShapeKind.Map,
            _ => ShapeKind.Any,
        };
    }
}
