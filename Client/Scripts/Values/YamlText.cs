using YamlDotNet.RepresentationModel;

namespace RegionSim.Client.Scripts.Values;

/// <summary>A YAML value on one line, as a flow mapping or list (<c>{Name: app, Type: PRIVATE}</c>), for titles and messages.</summary>
public static class YamlText
{
    public static string Flow(YamlNode node, int max = 80)
    {
        var text = Write(node);
        return text.Length > max ? text[..(max - 1)] + "…" : text;
    }

    private static string Write(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value ?? "null",
        YamlMappingNode mapping => "{" + string.Join(", ", mapping.Children.Select(member => $"{Write(member.Key)}: {Write(member.Value)}")) + "}",
        YamlSequenceNode sequence => "[" + string.Join(", ", sequence.Children.Select(Write)) + "]",
        _ => node.ToString(),
    };
}
