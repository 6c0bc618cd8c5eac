using YamlDotNet.Core;

namespace RegionSim.Client.Yaml;

/// <summary>Something wrong in a YAML file, found before anything runs: where (file:line:column) and what.</summary>
public sealed class YamlProblem(string file, Mark at, string problem) : Exception($"{file}:{at.Line}:{at.Column}: {problem}")
{
    public string File { get; } = file;
    public Mark At { get; } = at;
    public string Problem { get; } = problem;
}
