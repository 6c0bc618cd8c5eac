using System.Text.Json;

namespace RegionSim.Client.Scripts.Model;

/// <summary>
/// AppStream's API model as botocore 1.43.11 ships it (<c>appstream-2016-12-01.json</c>, its
/// <c>service-2.json</c> copied unchanged, Apache-2.0): the one source of truth for what a script may
/// send — operation names, their members, and the members' types. Scripts are checked against it the way
/// botocore checks a call before sending it (unknown members, missing required members, JSON types);
/// patterns, lengths and enum values are left to the service, so that scripts can exercise its refusals.
/// </summary>
public sealed class AppStreamModel
{
    private readonly JsonElement _shapes;
    private readonly Dictionary<string, ModelShape> _shapeCache = new(StringComparer.Ordinal);

    private AppStreamModel(JsonDocument document)
    {
        var root = document.RootElement;
        _shapes = root.GetProperty("shapes");
        Operations = root.GetProperty("operations").EnumerateObject().ToDictionary(
            operation => operation.Name,
            operation => new ModelOperation(
                operation.Name,
                operation.Value.TryGetProperty("input", out var input) ? Shape(input.GetProperty("shape").GetString()!) : null,
                operation.Value.TryGetProperty("output", out var output) ? Shape(output.GetProperty("shape").GetString()!) : null),
            StringComparer.Ordinal);
        Errors = _shapes.EnumerateObject()
            .Where(shape => shape.Value.TryGetProperty("exception", out var exception) && exception.GetBoolean())
            .Select(shape => shape.Name)
            .ToArray();
    }

    public static AppStreamModel Botocore { get; } = Load();

    public IReadOnlyDictionary<string, ModelOperation> Operations { get; }

    /// <summary>The error shapes the model declares (<c>ResourceInUseException</c>, ...).</summary>
    public IReadOnlyList<string> Errors { get; }

    public ModelShape Shape(string name)
    {
        lock (_shapeCache)
        {
            if (!_shapeCache.TryGetValue(name, out var shape))
            {
                shape = new ModelShape(this, name, _shapes.GetProperty(name));
                _shapeCache.Add(name, shape);
            }

            return shape;
        }
    }

    private static AppStreamModel Load()
    {
        using var stream = typeof(AppStreamModel).Assembly.GetManifestResourceStream("RegionSim.Client.Scripts.Model.appstream-2016-12-01.json")
            ?? throw new InvalidOperationException("The AppStream model is not embedded in the regionsim assembly.");
        return new AppStreamModel(JsonDocument.Parse(stream));
    }
}

/// <summary>An operation of the model: its name and its input and output shapes.</summary>
public sealed record ModelOperation(string Name, ModelShape? Input, ModelShape? Output);
