using System.Text.Json.Nodes;

namespace RegionSim.Client.Scripts.Values;

/// <summary>What references (<c>${name.path}</c>) mean: checked before the script runs, resolved while it runs.</summary>
public interface IValueScope
{
    /// <summary>True while the script runs (references resolve); false while it is checked.</summary>
    bool Running { get; }

    /// <summary>Before the run: why <paramref name="reference"/> can't mean anything at this step, or null.</summary>
    string? Check(TemplateReference reference);

    /// <summary>While running: the value <paramref name="reference"/> names; a <see cref="StepFailure"/> when there is none.</summary>
    JsonNode? Resolve(TemplateReference reference);
}

/// <summary>Something that made a step fail while it ran (not an AppStream error: those are results).</summary>
public sealed class StepFailure(string message) : Exception(message);
