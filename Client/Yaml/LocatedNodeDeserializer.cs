using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace RegionSim.Client.Yaml;

/// <summary>Records on every <see cref="Located"/> object where its mapping started.</summary>
internal sealed class LocatedNodeDeserializer(INodeDeserializer inner) : INodeDeserializer
{
    public bool Deserialize(IParser reader, Type expectedType, Func<IParser, Type, object?> nestedObjectDeserializer, out object? value, ObjectDeserializer rootDeserializer)
    {
        var start = reader.Current?.Start ?? Mark.Empty;
        if (!inner.Deserialize(reader, expectedType, nestedObjectDeserializer, out value, rootDeserializer))
        {
            return false;
        }

        if (value is Located located)
        {
            located.Location = start;
        }

        return true;
    }
}
