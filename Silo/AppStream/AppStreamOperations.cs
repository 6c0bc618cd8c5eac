namespace RegionSim.Silo.AppStream;

/// <summary>
/// The operations the endpoint serves, by wire name. Each is one translation from its request shape to
/// a grain call (see <c>Operations/</c>); the catalogue is built once, when the silo starts.
/// </summary>
public sealed class AppStreamOperations
{
    private readonly Dictionary<string, AppStreamOperation> _byName = new(StringComparer.Ordinal);
    private Dictionary<string, AppStreamOperation>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    public AppStreamOperations() => _bySpan = _byName.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Every operation RegionSim simulates.</summary>
    public static AppStreamOperations All { get; } = new AppStreamOperations()
        .AddImageOperations()
        .AddImageBuilderOperations()
        .AddFleetOperations()
        .AddStackOperations()
        .AddSessionOperations()
        .AddTaggingOperations();

    public IEnumerable<string> Names => _byName.Keys.Order(StringComparer.Ordinal);

    /// <summary>Adds an operation that answers its output shape.</summary>
    public AppStreamOperations Add<TRequest, TOutput>(string name, Func<IGrainFactory, AppStreamCaller, TRequest, Task<TOutput>> call)
        where TRequest : class
    {
        _byName.Add(name, new AppStreamOperation<TRequest, TOutput>(name, call));
        return this;
    }

    /// <summary>Adds an operation whose output is empty (<c>{}</c>).</summary>
    public AppStreamOperations Add<TRequest>(string name, Func<IGrainFactory, AppStreamCaller, TRequest, Task> call)
        where TRequest : class =>
        Add<TRequest, EmptyOutput>(name, async (grains, caller, request) =>
        {
            await call(grains, caller, request);
            return EmptyOutput.Instance;
        });

    public bool TryFind(ReadOnlySpan<char> name, out AppStreamOperation operation) => _bySpan.TryGetValue(name, out operation!);
}
