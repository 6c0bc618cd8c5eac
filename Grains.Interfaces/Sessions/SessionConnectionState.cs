namespace RegionSim.Sessions;

[GenerateSerializer]
public enum SessionConnectionState
{
    Connected,
    NotConnected,
}
