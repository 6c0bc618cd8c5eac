namespace RegionSim.Sessions;

/// <summary>How the user of a session signed in; sessions started from a streaming URL are API.</summary>
[GenerateSerializer]
public enum AuthenticationType
{
    Api,
    Saml,
    Userpool,
    AwsAd,
}
