using System.Text.Json.Nodes;
using RegionSim.Client.Scripts.Values;
using RegionSim.Silo.AppStream;
using RegionSim.Silo.Sessions;
using RegionSim.Time;

namespace RegionSim.Client.Scripts;

/// <summary>A script while it runs: the cluster it runs on, the results saved so far, the users' sessions.</summary>
public sealed class ScriptContext(IGrainFactory grains, AppStreamApi api, IReadOnlyDictionary<string, string> accounts) : IValueScope
{
    public IGrainFactory Grains => grains;

    /// <summary>AppStream's API as the endpoint serves it, without HTTP.</summary>
    public AppStreamApi Api => api;

    public ISimulationClockGrain Clock => grains.GetGrain<ISimulationClockGrain>(ISimulationClockGrain.Key);

    public Dictionary<string, JsonNode?> Saved { get; } = new(StringComparer.Ordinal);

    /// <summary>The users' side of streaming: opening URLs, acting in sessions.</summary>
    public StreamingSessions Streaming { get; } = new(grains);

    /// <summary>The ids of the users' sessions, by the name the connecting step saved them as.</summary>
    public Dictionary<string, string> Sessions { get; } = new(StringComparer.Ordinal);

    public bool Running => true;

    public string? Check(TemplateReference reference) => null;

    public JsonNode? Resolve(TemplateReference reference)
    {
        if (reference.Name == ScriptScope.AccountsName && reference.Path.Segments is [string name] && accounts.TryGetValue(name, out var account))
        {
            return JsonValue.Create(account);
        }

        if (!Saved.TryGetValue(reference.Name, out var saved))
        {
            throw new StepFailure($"{reference.Text}: nothing was saved as {reference.Name} (did the step that saves it fail?).");
        }

        return reference.Path.TryFind(saved, out var value)
            ? value
            : throw new StepFailure($"{reference.Text}: the result saved as {reference.Name} has nothing at {reference.Path}: {Steps.Expectations.Show(saved)}");
    }
}
