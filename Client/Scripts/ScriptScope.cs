using System.Text.Json.Nodes;
using RegionSim.Client.Scripts.Values;

namespace RegionSim.Client.Scripts;

/// <summary>
/// What references can name while a script is checked, step by step: the named accounts, and the results
/// saved by the steps before (with their shapes, so that <c>${url1.StreamingURL}</c> is checked too).
/// </summary>
public sealed class ScriptScope(IReadOnlyDictionary<string, string> accounts) : IValueScope
{
    public const string AccountsName = "accounts";

    private readonly Dictionary<string, ValueShape> _saved = new(StringComparer.Ordinal);
    private readonly HashSet<string> _sessions = new(StringComparer.Ordinal);

    public bool Running => false;

    public IReadOnlyDictionary<string, string> Accounts => accounts;

    public bool IsSaved(string name) => _saved.ContainsKey(name);

    public bool IsSession(string name) => _sessions.Contains(name);

    public IEnumerable<string> Sessions => _sessions;

    public void Save(string name, ValueShape shape, bool session)
    {
        _saved[name] = shape;
        if (session)
        {
            _sessions.Add(name);
        }
    }

    public string? Check(TemplateReference reference)
    {
        if (reference.Name == AccountsName)
        {
            return reference.Path.Segments is [string account] && accounts.ContainsKey(account)
                ? null
                : $"{reference.Text}: name one of the script's accounts ({string.Join(", ", accounts.Keys.Select(a => $"accounts.{a}"))}).";
        }

        if (!_saved.TryGetValue(reference.Name, out var shape))
        {
            return _saved.Count == 0
                ? $"{reference.Text}: no step before this one saves a result as {reference.Name} (save: {reference.Name})."
                : $"{reference.Text}: no step before this one saves a result as {reference.Name}; saved so far: {string.Join(", ", _saved.Keys)}.";
        }

        return reference.Path.Check(shape) is { } problem ? $"{reference.Text}: {problem}" : null;
    }

    public JsonNode? Resolve(TemplateReference reference) =>
        throw new InvalidOperationException("References are resolved while the script runs, not while it is checked.");
}
