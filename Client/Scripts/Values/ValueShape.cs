namespace RegionSim.Client.Scripts.Values;

/// <summary>The kinds of JSON value a shape describes.</summary>
public enum ShapeKind
{
    Structure,
    List,
    Map,
    String,
    Boolean,
    Integer,
    Double,

    /// <summary>Epoch seconds on the wire; scripts may write an ISO 8601 time.</summary>
    Timestamp,

    /// <summary>Anything: not checked.</summary>
    Any,
}

/// <summary>
/// What a JSON value looks like: a request a script writes (checked and converted from YAML), or a result
/// a script reads (its paths checked before the script runs). The AppStream model's shapes are one kind
/// (<see cref="Model.ModelShape"/>), the simulator's own records another (<see cref="TypeShape"/>).
/// </summary>
public abstract class ValueShape
{
    public static ValueShape Any { get; } = new ScalarShape("any value", ShapeKind.Any);
    public static ValueShape String { get; } = new ScalarShape("string", ShapeKind.String);
    public static ValueShape Integer { get; } = new ScalarShape("integer", ShapeKind.Integer);
    public static ValueShape Boolean { get; } = new ScalarShape("boolean", ShapeKind.Boolean);
    public static ValueShape Timestamp { get; } = new ScalarShape("timestamp", ShapeKind.Timestamp);

    public abstract string Name { get; }

    public abstract ShapeKind Kind { get; }

    /// <summary>A structure's members.</summary>
    public virtual IReadOnlyList<string> MemberNames => [];

    /// <summary>A structure's members that a request must give.</summary>
    public virtual IReadOnlyList<string> Required => [];

    /// <summary>A structure's member of that exact name, or null when it has none.</summary>
    public virtual ValueShape? Member(string name) => null;

    /// <summary>A list's elements.</summary>
    public virtual ValueShape? Element => null;

    /// <summary>A map's values (keys are strings).</summary>
    public virtual ValueShape? Value => null;

    /// <summary>A string's allowed values, when they are listed.</summary>
    public virtual IReadOnlyList<string>? Enum => null;

    public static ValueShape ListOf(ValueShape element) => new ListShape(element);

    public override string ToString() => Name;

    private sealed class ScalarShape(string name, ShapeKind kind) : ValueShape
    {
        public override string Name => name;
        public override ShapeKind Kind => kind;
    }

    private sealed class ListShape(ValueShape element) : ValueShape
    {
        public override string Name => $"list of {element.Name}";
        public override ShapeKind Kind => ShapeKind.List;
        public override ValueShape Element => element;
    }
}

/// <summary>A structure put together by the runner (the Image Assistant's answer, an error, a shape with members added).</summary>
public sealed class StructureShape(string name, IReadOnlyList<(string Name, ValueShape Shape)> members, ValueShape? extends = null,
    IReadOnlyList<string>? required = null) : ValueShape
{
    public override string Name => name;
    public override ShapeKind Kind => ShapeKind.Structure;

    public override IReadOnlyList<string> MemberNames { get; } =
        [.. extends?.MemberNames ?? [], .. members.Select(member => member.Name)];

    public override IReadOnlyList<string> Required => required ?? [];

    public override ValueShape? Member(string member) =>
        members.FirstOrDefault(m => m.Name == member).Shape ?? extends?.Member(member);

    /// <summary>An AppStream error, as the wire carries it and as a script expects it.</summary>
    public static StructureShape Error { get; } = new("error", [("__type", String), ("message", String)]);
}
