namespace RegionSim.Fleets;

/// <summary>The codes of <see cref="FleetError"/>, as the model lists them.</summary>
[GenerateSerializer]
public enum FleetErrorCode
{
    IamServiceRoleMissingEniDescribeAction,
    IamServiceRoleMissingEniCreateAction,
    IamServiceRoleMissingEniDeleteAction,
    NetworkInterfaceLimitExceeded,
    InternalServiceError,
    IamServiceRoleIsMissing,
    MachineRoleIsMissing,
    StsDisabledInRegion,
    SubnetHasInsufficientIpAddresses,
    IamServiceRoleMissingDescribeSubnetAction,
    SubnetNotFound,
    ImageNotFound,
    InvalidSubnetConfiguration,
    SecurityGroupsNotFound,
    IgwNotAttached,
    IamServiceRoleMissingDescribeSecurityGroupsAction,
    FleetStopped,
    FleetInstanceProvisioningFailure,
    DomainJoinErrorFileNotFound,
    DomainJoinErrorAccessDenied,
    DomainJoinErrorLogonFailure,
    DomainJoinErrorInvalidParameter,
    DomainJoinErrorMoreData,
    DomainJoinErrorNoSuchDomain,
    DomainJoinErrorNotSupported,
    DomainJoinNerrInvalidWorkgroupName,
    DomainJoinNerrWorkstationNotStarted,
    DomainJoinErrorDsMachineAccountQuotaExceeded,
    DomainJoinNerrPasswordExpired,
    DomainJoinInternalServiceError,
    ValidationError,
}
