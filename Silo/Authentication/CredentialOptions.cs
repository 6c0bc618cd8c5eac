namespace RegionSim.Silo.Authentication;

/// <summary>
/// One access key as configuration gives it (<c>RegionSim:Credentials:&lt;access key id&gt;</c>): its
/// secret and the account it acts for (the access key id itself when that is a 12-digit account id).
/// </summary>
public sealed class CredentialOptions
{
    public string SecretAccessKey { get; set; } = "";

    public string? AccountId { get; set; }
}
