namespace RegionSim.Fleets;

/// <summary>Attributes UpdateFleet can remove (<c>AttributesToDelete</c>).</summary>
[GenerateSerializer]
public enum FleetAttribute
{
    VpcConfiguration,
    VpcConfigurationSecurityGroupIds,
    DomainJoinInfo,
    IamRoleArn,
    UsbDeviceFilterStrings,
    SessionScriptS3Location,
    MaxSessionsPerInstance,
    VolumeConfiguration,
}
