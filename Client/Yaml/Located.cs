using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace RegionSim.Client.Yaml;

/// <summary>A YAML mapping that remembers where it starts, so that a problem found later can name file and line.</summary>
public abstract class Located
{
    [YamlIgnore]
    public Mark Location { get; set; } = Mark.Empty;
}
