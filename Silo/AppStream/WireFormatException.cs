namespace RegionSim.Silo.AppStream;

/// <summary>A request body that is not the JSON its operation takes; AWS answers these <c>SerializationException</c>.</summary>
public sealed class WireFormatException(string message) : Exception(message)
{
    public const string WireType = "SerializationException";
}
