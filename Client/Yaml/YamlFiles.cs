using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;
using YamlDotNet.Serialization.NodeDeserializers;

namespace RegionSim.Client.Yaml;

/// <summary>Reads scenario and script files: camelCase members, unknown members refused, every problem located.</summary>
public static class YamlFiles
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .WithNodeDeserializer(inner => new LocatedNodeDeserializer(inner), where => where.InsteadOf<ObjectNodeDeserializer>())
        .Build();

    public static T Read<T>(string path) where T : class
    {
        if (!System.IO.File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file.", path);
        }

        return Parse<T>(System.IO.File.ReadAllText(path), path);
    }

    public static T Parse<T>(string yaml, string file) where T : class
    {
        try
        {
            return Deserializer.Deserialize<T>(yaml)
                ?? throw new YamlProblem(file, Mark.Empty, "the file is empty.");
        }
        catch (YamlException error)
        {
            // YamlDotNet wraps the useful message (an unknown member, a value of the wrong type) in outer layers.
            var inner = error;
            while (inner.InnerException is YamlException deeper)
            {
                inner = deeper;
            }

            var message = inner.InnerException?.Message ?? inner.Message;
            throw new YamlProblem(file, inner.Start, Tidy(message));
        }
    }

    private static string Tidy(string message)
    {
        var at = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith('(') && at > 0 ? message[(at + 3)..] : message;
    }
}
