namespace RegionSim.Silo.AppStream;

/// <summary>Who calls an AppStream operation, and where: the account and the Region the request is for.</summary>
public sealed record AppStreamCaller(string AccountId, string Region);
