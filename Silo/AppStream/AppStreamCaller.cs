namespace RegionSim.Silo.AppStream;

/// <summary>Who calls an AppStream operation, and where: the account and the Region the request is for.</summary>
public sealed record AppStreamCaller(string AccountId, string Region)
{
    /// <summary>
    /// Where the caller reached the service (<c>http://127.0.0.1:4599</c>): URLs in answers (streaming URLs)
    /// point there. Null in process: they keep AppStream's own host, and open through <c>StreamingSessions</c>.
    /// </summary>
    public string? Origin { get; init; }
}
