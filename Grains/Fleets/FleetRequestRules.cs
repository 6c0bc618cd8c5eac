using RegionSim.Errors;
using RegionSim.Images;
using RegionSim.Resources;
using RegionSim.Validation;
using RegionSim.Wire;

namespace RegionSim.Fleets;

/// <summary>
/// The rules of CreateFleet and UpdateFleet requests that need nothing but the request (and the fleet as
/// it is): ranges, patterns, which members go with which fleet type, what may change in which state.
/// </summary>
internal static class FleetRequestRules
{
    /// <summary>The most instances one fleet may want (a simulator bound; AWS sets it per account).</summary>
    public const int MaxDesiredInstances = 100_000;

    private static readonly HashSet<PlatformType> ElasticPlatforms = [PlatformType.WindowsServer2019, PlatformType.AmazonLinux2, PlatformType.UbuntuPro2404];

    /// <summary>The new fleet's settings (without its image, which the grain resolves) and desired capacity.</summary>
    public static (FleetSettings Settings, int DesiredInstances) ForCreate(CreateFleetRequest request)
    {
        Check.Name(request.Name, nameof(request.Name));
        var instanceType = Check.InstanceType(request.InstanceType, nameof(request.InstanceType));
        var type = request.FleetType ?? FleetType.OnDemand;
        CheckCommon(request.Description, request.DisplayName, request.MaxUserDurationInSeconds, request.DisconnectTimeoutInSeconds,
            request.IdleDisconnectTimeoutInSeconds, request.IamRoleArn, request.UsbDeviceFilterStrings, request.SessionScriptS3Location,
            request.RootVolumeConfig, request.ComputeCapacity, request.MaxConcurrentSessions);
        Check.Tags(request.Tags, nameof(request.Tags));
        CheckImageMembers(request.ImageName, request.ImageArn);
        if (request.MaxSessionsPerInstance is not null)
        {
            throw AppStreamException.InvalidCombination("MaxSessionsPerInstance makes a multi-session fleet, which this simulator does not model.");
        }

        int desired;
        if (type == FleetType.Elastic)
        {
            CheckElastic(request.ComputeCapacity, request.DomainJoinInfo, request.ImageName ?? request.ImageArn, request.Platform);
            if (request.MaxConcurrentSessions is null || request.Platform is null)
            {
                throw AppStreamException.InvalidCombination($"An ELASTIC fleet needs MaxConcurrentSessions and a Platform ({string.Join(", ", ElasticPlatforms.Select(WireNames.Of))}).");
            }

            if ((request.VpcConfig?.SubnetIds?.Count ?? 0) < 2)
            {
                throw AppStreamException.InvalidCombination("An ELASTIC fleet needs a VpcConfig with at least two subnets (in different Availability Zones).");
            }

            desired = 0;
        }
        else
        {
            CheckNotElastic(type, request.MaxConcurrentSessions, request.SessionScriptS3Location, request.Platform);
            if ((request.ImageName is null) == (request.ImageArn is null))
            {
                throw AppStreamException.InvalidCombination($"An {WireNames.Of(type)} fleet needs exactly one of ImageName and ImageArn.");
            }

            desired = request.ComputeCapacity?.DesiredInstances
                ?? throw AppStreamException.InvalidCombination($"An {WireNames.Of(type)} fleet needs ComputeCapacity with DesiredInstances.");
        }

        return (new FleetSettings
        {
            InstanceType = instanceType,
            FleetType = type,
            DisplayName = request.DisplayName,
            Description = request.Description,
            MaxUserDurationInSeconds = request.MaxUserDurationInSeconds ?? FleetSettings.DefaultMaxUserDurationInSeconds,
            DisconnectTimeoutInSeconds = request.DisconnectTimeoutInSeconds ?? FleetSettings.DefaultDisconnectTimeoutInSeconds,
            IdleDisconnectTimeoutInSeconds = request.IdleDisconnectTimeoutInSeconds ?? 0,
            VpcConfig = request.VpcConfig,
            EnableDefaultInternetAccess = request.EnableDefaultInternetAccess ?? false,
            DomainJoinInfo = request.DomainJoinInfo,
            IamRoleArn = request.IamRoleArn,
            StreamView = request.StreamView ?? StreamView.App,
            Platform = type == FleetType.Elastic ? request.Platform : null,
            MaxConcurrentSessions = request.MaxConcurrentSessions,
            UsbDeviceFilterStrings = request.UsbDeviceFilterStrings,
            SessionScriptS3Location = request.SessionScriptS3Location,
            RootVolumeConfig = request.RootVolumeConfig,
            DisableIMDSV1 = request.DisableIMDSV1,
        }, desired);
    }

    /// <summary>
    /// The fleet's settings after an UpdateFleet (without a newly named image, which the grain resolves),
    /// the desired capacity asked for, and whether the update names an image. Refuses members the fleet's
    /// state does not let change.
    /// </summary>
    public static (FleetSettings Settings, int? DesiredInstances, bool NamesImage) ForUpdate(UpdateFleetRequest request, FleetSettings current, FleetState state)
    {
        var deleted = request.AttributesToDelete?.ToHashSet() ?? [];
        CheckChangeable(request, deleted, current.FleetType, state);
        if (request.InstanceType is not null)
        {
            Check.InstanceType(request.InstanceType, nameof(request.InstanceType));
        }

        CheckCommon(request.Description, request.DisplayName, request.MaxUserDurationInSeconds, request.DisconnectTimeoutInSeconds,
            request.IdleDisconnectTimeoutInSeconds, request.IamRoleArn, request.UsbDeviceFilterStrings, request.SessionScriptS3Location,
            request.RootVolumeConfig, request.ComputeCapacity, request.MaxConcurrentSessions);
        CheckImageMembers(request.ImageName, request.ImageArn);
        if (request.MaxSessionsPerInstance is not null)
        {
            throw AppStreamException.InvalidCombination("MaxSessionsPerInstance makes a multi-session fleet, which this simulator does not model.");
        }

        if (current.FleetType == FleetType.Elastic)
        {
            CheckElastic(request.ComputeCapacity, request.DomainJoinInfo, request.ImageName ?? request.ImageArn, request.Platform);
        }
        else
        {
            CheckNotElastic(current.FleetType, request.MaxConcurrentSessions, request.SessionScriptS3Location, request.Platform);
            if (request.ImageName is not null && request.ImageArn is not null)
            {
                throw AppStreamException.InvalidCombination("Give ImageName or ImageArn, not both.");
            }
        }

        foreach (var (attribute, given) in new (FleetAttribute, bool)[]
        {
            (FleetAttribute.VpcConfiguration, request.VpcConfig is not null),
            (FleetAttribute.DomainJoinInfo, request.DomainJoinInfo is not null),
            (FleetAttribute.IamRoleArn, request.IamRoleArn is not null),
            (FleetAttribute.UsbDeviceFilterStrings, request.UsbDeviceFilterStrings is not null),
            (FleetAttribute.SessionScriptS3Location, request.SessionScriptS3Location is not null),
            (FleetAttribute.VolumeConfiguration, request.RootVolumeConfig is not null),
        })
        {
            if (given && deleted.Contains(attribute))
            {
                throw AppStreamException.InvalidCombination($"{WireNames.Of(attribute)} can't be both set and listed in AttributesToDelete.");
            }
        }

        var vpc = request.DeleteVpcConfig == true || deleted.Contains(FleetAttribute.VpcConfiguration) ? null : request.VpcConfig ?? current.VpcConfig;
        if (vpc is not null && deleted.Contains(FleetAttribute.VpcConfigurationSecurityGroupIds))
        {
            vpc = vpc with { SecurityGroupIds = null };
        }

        var settings = current with
        {
            InstanceType = request.InstanceType ?? current.InstanceType,
            DisplayName = request.DisplayName ?? current.DisplayName,
            Description = request.Description ?? current.Description,
            MaxUserDurationInSeconds = request.MaxUserDurationInSeconds ?? current.MaxUserDurationInSeconds,
            DisconnectTimeoutInSeconds = request.DisconnectTimeoutInSeconds ?? current.DisconnectTimeoutInSeconds,
            IdleDisconnectTimeoutInSeconds = request.IdleDisconnectTimeoutInSeconds ?? current.IdleDisconnectTimeoutInSeconds,
            VpcConfig = vpc,
            EnableDefaultInternetAccess = request.EnableDefaultInternetAccess ?? current.EnableDefaultInternetAccess,
            DomainJoinInfo = deleted.Contains(FleetAttribute.DomainJoinInfo) ? null : request.DomainJoinInfo ?? current.DomainJoinInfo,
            IamRoleArn = deleted.Contains(FleetAttribute.IamRoleArn) ? null : request.IamRoleArn ?? current.IamRoleArn,
            StreamView = request.StreamView ?? current.StreamView,
            Platform = request.Platform ?? current.Platform,
            MaxConcurrentSessions = request.MaxConcurrentSessions ?? current.MaxConcurrentSessions,
            UsbDeviceFilterStrings = deleted.Contains(FleetAttribute.UsbDeviceFilterStrings) ? null : request.UsbDeviceFilterStrings ?? current.UsbDeviceFilterStrings,
            SessionScriptS3Location = deleted.Contains(FleetAttribute.SessionScriptS3Location) ? null : request.SessionScriptS3Location ?? current.SessionScriptS3Location,
            RootVolumeConfig = deleted.Contains(FleetAttribute.VolumeConfiguration) ? null : request.RootVolumeConfig ?? current.RootVolumeConfig,
            DisableIMDSV1 = request.DisableIMDSV1 ?? current.DisableIMDSV1,
        };
        if (settings.FleetType == FleetType.Elastic && (settings.VpcConfig?.SubnetIds?.Count ?? 0) < 2)
        {
            throw AppStreamException.InvalidCombination("An ELASTIC fleet needs a VpcConfig with at least two subnets (in different Availability Zones).");
        }

        return (settings, request.ComputeCapacity?.DesiredInstances, request.ImageName is not null || request.ImageArn is not null);
    }

    /// <summary>
    /// What may change in which state: a STOPPED fleet anything; a RUNNING one only a few members (they
    /// differ for ELASTIC fleets); a STARTING or STOPPING one nothing.
    /// </summary>
    private static void CheckChangeable(UpdateFleetRequest request, HashSet<FleetAttribute> deleted, FleetType type, FleetState state)
    {
        if (state == FleetState.Stopped)
        {
            return;
        }

        var given = Given(request);
        if (given.Count == 0 && deleted.Count == 0)
        {
            return;
        }

        if (state is FleetState.Starting or FleetState.Stopping)
        {
            throw AppStreamException.ConcurrentModification($"The fleet is {WireNames.Of(state)}; it can be updated once it is RUNNING or STOPPED.");
        }

        string[] changeable = type == FleetType.Elastic
            ? ["DisplayName", "IdleDisconnectTimeoutInSeconds", "DisconnectTimeoutInSeconds", "MaxConcurrentSessions", "SessionScriptS3Location", "UsbDeviceFilterStrings"]
            : ["DisplayName", "ComputeCapacity", "ImageName", "ImageArn", "IdleDisconnectTimeoutInSeconds", "DisconnectTimeoutInSeconds"];
        var refused = given.Where(member => !changeable.Contains(member))
            .Concat(deleted.Where(attribute => !(type == FleetType.Elastic && attribute is FleetAttribute.SessionScriptS3Location or FleetAttribute.UsbDeviceFilterStrings))
                .Select(attribute => $"AttributesToDelete {WireNames.Of(attribute)}"))
            .ToList();
        if (refused.Count > 0)
        {
            throw AppStreamException.NotPermitted(
                $"A RUNNING {WireNames.Of(type)} fleet can change only {string.Join(", ", changeable)}; stop it to change {string.Join(", ", refused)}.");
        }
    }

    /// <summary>The members an update sets (Name only identifies the fleet).</summary>
    private static List<string> Given(UpdateFleetRequest request)
    {
        var given = new List<string>();
        void Add(object? value, string member)
        {
            if (value is not null)
            {
                given.Add(member);
            }
        }

        Add(request.ImageName, "ImageName");
        Add(request.ImageArn, "ImageArn");
        Add(request.InstanceType, "InstanceType");
        Add(request.ComputeCapacity, "ComputeCapacity");
        Add(request.VpcConfig, "VpcConfig");
        Add(request.MaxUserDurationInSeconds, "MaxUserDurationInSeconds");
        Add(request.DisconnectTimeoutInSeconds, "DisconnectTimeoutInSeconds");
        Add(request.DeleteVpcConfig, "DeleteVpcConfig");
        Add(request.Description, "Description");
        Add(request.DisplayName, "DisplayName");
        Add(request.EnableDefaultInternetAccess, "EnableDefaultInternetAccess");
        Add(request.DomainJoinInfo, "DomainJoinInfo");
        Add(request.IdleDisconnectTimeoutInSeconds, "IdleDisconnectTimeoutInSeconds");
        Add(request.IamRoleArn, "IamRoleArn");
        Add(request.StreamView, "StreamView");
        Add(request.Platform, "Platform");
        Add(request.MaxConcurrentSessions, "MaxConcurrentSessions");
        Add(request.UsbDeviceFilterStrings, "UsbDeviceFilterStrings");
        Add(request.SessionScriptS3Location, "SessionScriptS3Location");
        Add(request.MaxSessionsPerInstance, "MaxSessionsPerInstance");
        Add(request.RootVolumeConfig, "RootVolumeConfig");
        Add(request.DisableIMDSV1, "DisableIMDSV1");
        return given;
    }

    private static void CheckCommon(string? description, string? displayName, int? maxUserDuration, int? disconnectTimeout, int? idleTimeout,
        string? iamRoleArn, IReadOnlyList<string>? usbFilters, S3Location? sessionScript, VolumeConfig? rootVolume, ComputeCapacity? capacity,
        int? maxConcurrentSessions)
    {
        Check.MaxLength(description, 256, "Description");
        Check.MaxLength(displayName, 100, "DisplayName");
        Check.Range(maxUserDuration, 600, 432000, "MaxUserDurationInSeconds");
        Check.Range(disconnectTimeout, 60, 36000, "DisconnectTimeoutInSeconds");
        if (idleTimeout is not null and not 0)
        {
            Check.Range(idleTimeout, 60, 36000, "IdleDisconnectTimeoutInSeconds");
        }

        if (iamRoleArn is not null && !iamRoleArn.StartsWith("arn:aws:iam::", StringComparison.Ordinal))
        {
            throw AppStreamException.Invalid($"1 validation error detected: Value '{iamRoleArn}' at 'IamRoleArn' failed to satisfy constraint: Member must be an IAM role ARN (arn:aws:iam::<account>:role/<name>)");
        }

        foreach (var filter in usbFilters ?? [])
        {
            Check.MaxLength(filter, 100, "UsbDeviceFilterStrings");
        }

        if (sessionScript is not null)
        {
            Check.MinLength(Check.MaxLength(Check.Required(sessionScript.S3Bucket, "SessionScriptS3Location.S3Bucket"), 63, "SessionScriptS3Location.S3Bucket"), 3, "SessionScriptS3Location.S3Bucket");
            Check.MinLength(Check.MaxLength(sessionScript.S3Key, 1024, "SessionScriptS3Location.S3Key"), 1, "SessionScriptS3Location.S3Key");
        }

        Check.Range(rootVolume?.VolumeSizeInGb, 200, 500, "RootVolumeConfig.VolumeSizeInGb");
        Check.Range(capacity?.DesiredInstances, 0, MaxDesiredInstances, "ComputeCapacity.DesiredInstances");
        if (capacity?.DesiredSessions is not null)
        {
            throw AppStreamException.InvalidCombination("ComputeCapacity.DesiredSessions is for multi-session fleets, which this simulator does not model; give DesiredInstances.");
        }

        Check.Range(maxConcurrentSessions, 1, MaxDesiredInstances, "MaxConcurrentSessions");
    }

    private static void CheckImageMembers(string? imageName, string? imageArn)
    {
        if (imageName is not null)
        {
            Check.Name(imageName, "ImageName");
        }

        if (imageArn is not null && AppStreamArn.Parse(imageArn, "ImageArn").Kind != ResourceKind.Image)
        {
            throw AppStreamException.Invalid($"1 validation error detected: Value '{imageArn}' at 'ImageArn' failed to satisfy constraint: Member must be the ARN of an image");
        }
    }

    private static void CheckElastic(ComputeCapacity? capacity, DomainJoinInfo? domainJoin, string? image, PlatformType? platform)
    {
        if (capacity is not null)
        {
            throw AppStreamException.InvalidCombination("An ELASTIC fleet takes no ComputeCapacity: AppStream gives it an instance per session, up to MaxConcurrentSessions.");
        }

        if (domainJoin is not null)
        {
            throw AppStreamException.InvalidCombination("An ELASTIC fleet can't join a domain (DomainJoinInfo).");
        }

        if (image is not null)
        {
            throw AppStreamException.InvalidCombination("An ELASTIC fleet streams app blocks on its Platform; it takes no ImageName or ImageArn.");
        }

        if (platform is not null && !ElasticPlatforms.Contains(platform.Value))
        {
            throw AppStreamException.InvalidCombination($"An ELASTIC fleet runs on {string.Join(", ", ElasticPlatforms.Select(WireNames.Of))}, not {WireNames.Of(platform.Value)}.");
        }
    }

    private static void CheckNotElastic(FleetType type, int? maxConcurrentSessions, S3Location? sessionScript, PlatformType? platform)
    {
        if (maxConcurrentSessions is not null)
        {
            throw AppStreamException.InvalidCombination($"MaxConcurrentSessions is for ELASTIC fleets; an {WireNames.Of(type)} fleet sets ComputeCapacity.");
        }

        if (sessionScript is not null)
        {
            throw AppStreamException.InvalidCombination("SessionScriptS3Location is for ELASTIC fleets only.");
        }

        if (platform is not null)
        {
            throw AppStreamException.InvalidCombination($"An {WireNames.Of(type)} fleet takes its platform from its image; Platform is for ELASTIC fleets.");
        }
    }
}
