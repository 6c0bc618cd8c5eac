namespace RegionSim.Stacks;

/// <summary>Attributes UpdateStack can remove (<c>AttributesToDelete</c>).</summary>
[GenerateSerializer]
public enum StackAttribute
{
    StorageConnectors,
    StorageConnectorHomefolders,
    StorageConnectorGoogleDrive,
    StorageConnectorOneDrive,
    RedirectUrl,
    FeedbackUrl,
    ThemeName,
    UserSettings,
    EmbedHostDomains,
    IamRoleArn,
    AccessEndpoints,
    StreamingExperienceSettings,
    ContentRedirection,
    AgentAccessConfig,
}
