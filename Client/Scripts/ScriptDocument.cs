using RegionSim.Client.Yaml;
using YamlDotNet.RepresentationModel;

namespace RegionSim.Client.Scripts;

/// <summary>
/// A script as its YAML file writes it (see <c>scenarios/scripts/</c>): defaults, then steps. Each step is
/// checked by <see cref="ScriptCompiler"/> before anything runs.
/// </summary>
public sealed class ScriptDocument : Located
{
    public string? Name { get; set; }
    public string? Description { get; set; }

    /// <summary>The account steps run as unless they say otherwise: a 12-digit id or a name from <see cref="Accounts"/>.</summary>
    public string? Account { get; set; }

    /// <summary>The Region steps run in unless they say otherwise; us-east-1 when absent.</summary>
    public string? Region { get; set; }

    /// <summary>Accounts by name (<c>prod: "222222222222"</c>), for <c>account: prod</c> and <c>${accounts.prod}</c>.</summary>
    public Dictionary<string, string>? Accounts { get; set; }

    /// <summary>Where simulated time starts on an embedded silo; 2026-01-05T08:00:00Z when absent.</summary>
    public DateTimeOffset? Start { get; set; }

    /// <summary>Simulated durations by <c>SimulationTimings</c> member (camelCase), e.g. <c>imageCopy: 20m</c>.</summary>
    public Dictionary<string, string>? Timings { get; set; }

    public YamlSequenceNode? Steps { get; set; }
}
