namespace RegionSim.Network;

[GenerateSerializer]
public enum AccessEndpointType
{
    Streaming,
}
