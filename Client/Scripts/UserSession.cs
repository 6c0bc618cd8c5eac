namespace RegionSim.Client.Scripts;

/// <summary>A user's streaming session as a script holds it: the URL the user opened and where the session is.</summary>
public sealed record UserSession(string StreamingUrl, string Region, string AccountId, string FleetName, string SessionId);
