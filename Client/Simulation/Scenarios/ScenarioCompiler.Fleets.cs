using System.Globalization;
using System.Text.RegularExpressions;
using RegionSim.Client.Text;
using RegionSim.Client.Yaml;
using RegionSim.Fleets;
using RegionSim.Regions;
using RegionSim.Resources;
using RegionSim.Scaling;
using RegionSim.Simulation;
using RegionSim.Time;
using YamlDotNet.Core;

namespace RegionSim.Client.Simulation.Scenarios;

/// <summary>Fleet groups: the fleets they make, their CreateFleet requests, scaling and users.</summary>
public sealed partial class ScenarioCompiler
{
    private IEnumerable<PlannedFleet> CompileFleetGroup(FleetGroupDocument group, IReadOnlyList<PlannedRegion> regions)
    {
        var name = Required(group.Name, group, "name");
        if (group.PerAccount is < 1 or > 1000)
        {
            throw Problem(group, $"perAccount must be between 1 and 1000, not {group.PerAccount}.");
        }

        var fleetType = group.Type is null ? FleetType.OnDemand : Enum<FleetType>(group.Type, group, "type");
        var accounts = Accounts(group.Accounts, group, "accounts");
        var fleetRegions = Regions(group.Regions, group, "regions");
        var users = group.Users;
        var perRegion = users?.Per switch
        {
            null or "fleet" => false,
            "region" => true,
            _ => throw Problem(users, $"per must be fleet or region, not {users.Per}."),
        };
        var fleetsPerRegion = accounts.Count * group.PerAccount;
        foreach (var region in fleetRegions)
        {
            var offset = regions.Single(r => r.Code == region).UtcOffsetHours;
            foreach (var account in accounts)
            {
                for (var n = 1; n <= group.PerAccount; n++)
                {
                    var fleetName = group.PerAccount == 1 ? name : $"{name}-{n}";
                    var key = new ResourceKey(region, account, fleetName).ToString();
                    yield return new PlannedFleet
                    {
                        Key = key,
                        Group = name,
                        Region = region,
                        Account = account,
                        Name = fleetName,
                        Create = CreateRequest(group, fleetName, fleetType, region, account),
                        PersistSettings = group.PersistSettings,
                        ScalableTarget = group.Scaling is { } scaling ? ScalableTarget(scaling) : null,
                        Policies = group.Scaling is { TargetUtilization: { } target } targetScaling ? [TargetTracking(targetScaling, target)] : [],
                        ScheduledActions = (group.Scaling?.Schedule ?? []).Select((s, i) => ScheduledAction(s, i)).ToList(),
                        Users = users is null ? null : Demand(users, key, fleetName, offset, perRegion ? fleetsPerRegion : 1),
                    };
                }
            }
        }
    }

    private CreateFleetRequest CreateRequest(FleetGroupDocument group, string fleetName, FleetType type, string region, string account)
    {
        var image = type == FleetType.Elastic ? null : group.Image ?? throw Problem(group, "image: name the image the fleet uses.");
        var imageName = image is null ? null : Required(image.Name, image, "image.name");
        var owner = image?.Owner is null ? null : OneAccount(image.Owner, image, "image.owner");
        return new CreateFleetRequest
        {
            Name = fleetName,
            ImageName = owner is null || owner == account ? imageName : null,
            ImageArn = owner is not null && owner != account ? new ResourceKey(region, owner, imageName!).Arn(ResourceKind.Image) : null,
            InstanceType = group.InstanceType ?? "stream.standard.medium",
            FleetType = type,
            ComputeCapacity = type == FleetType.Elastic ? null : new ComputeCapacity { DesiredInstances = group.Desired ?? 1 },
            MaxConcurrentSessions = group.MaxConcurrentSessions,
            MaxUserDurationInSeconds = Seconds(group.MaxUserDuration, group, "maxUserDuration"),
            DisconnectTimeoutInSeconds = Seconds(group.DisconnectTimeout, group, "disconnectTimeout"),
            IdleDisconnectTimeoutInSeconds = Seconds(group.IdleDisconnectTimeout, group, "idleDisconnectTimeout"),
            Platform = type == FleetType.Elastic ? Images.PlatformType.WindowsServer2019 : null,
            VpcConfig = type == FleetType.Elastic ? new VpcConfig { SubnetIds = ["subnet-0a", "subnet-0b"] } : null,
        };
    }

    private RegisterScalableTargetRequest ScalableTarget(ScalingDocument scaling)
    {
        if (scaling.Min is not { } min || scaling.Max is not { } max || min < 0 || max < min)
        {
            throw Problem(scaling, "scaling needs min and max, with 0 <= min <= max.");
        }

        return new RegisterScalableTargetRequest { MinCapacity = min, MaxCapacity = max };
    }

    private PutScalingPolicyRequest TargetTracking(ScalingDocument scaling, double target)
    {
        if (target is <= 0 or > 100)
        {
            throw Problem(scaling, $"targetUtilization is a percentage between 0 and 100, not {target}.");
        }

        return new PutScalingPolicyRequest
        {
            PolicyName = "target-utilization",
            PolicyType = ScalingPolicyType.TargetTrackingScaling,
            TargetTrackingScalingPolicyConfiguration = new TargetTrackingScalingPolicyConfiguration
            {
                TargetValue = target,
                ScaleOutCooldown = Seconds(scaling.ScaleOutCooldown, scaling, "scaleOutCooldown"),
                ScaleInCooldown = Seconds(scaling.ScaleInCooldown, scaling, "scaleInCooldown"),
            },
        };
    }

    private PutScheduledActionRequest ScheduledAction(ScheduledCapacityDocument scheduled, int index) => new()
    {
        ScheduledActionName = $"schedule-{index + 1}",
        Schedule = scheduled.When ?? throw Problem(scheduled, "when: give a schedule, cron(...) or at(...)."),
        ScalableTargetAction = new ScalableTargetAction { MinCapacity = scheduled.Min, MaxCapacity = scheduled.Max },
    };

    private UserDemand Demand(UsersDocument users, string fleetKey, string stack, double utcOffset, int sharedBy)
    {
        DemandCurve curve;
        double peak;
        if (users.RatePerMinute is { } rate)
        {
            if (users.Curve is not null || users.PeakPerMinute is not null)
            {
                throw Problem(users, "ratePerMinute is a constant rate: give it without curve and peakPerMinute.");
            }

            (curve, peak) = (DemandCurve.Flat, rate);
        }
        else
        {
            curve = Curve(users);
            peak = users.PeakPerMinute ?? throw Problem(users, "users: give peakPerMinute (with a curve) or ratePerMinute.");
        }

        if (peak < 0)
        {
            throw Problem(users, $"arrival rates are 0 or more per minute, not {peak}.");
        }

        var behavior = new UserBehavior
        {
            RetryAttempts = users.Retry?.Attempts ?? 0,
            RetryAfter = users.Retry?.After is { } after ? Duration(after, users.Retry, "retry.after") : TimeSpan.FromMinutes(2),
            DisconnectProbability = Probability(users.Disconnects?.Probability ?? 0, users, "disconnects.probability"),
            ReconnectAfter = users.Disconnects?.ReconnectAfter is { } reconnect ? Duration(reconnect, users.Disconnects, "disconnects.reconnectAfter") : TimeSpan.FromMinutes(2),
            IdleProbability = Probability(users.Idle?.Probability ?? 0, users, "idle.probability"),
        };
        if (behavior.RetryAttempts is < 0 or > 100)
        {
            throw Problem(users.Retry!, $"retry.attempts must be between 0 and 100, not {behavior.RetryAttempts}.");
        }

        return new UserDemand
        {
            Fleet = fleetKey,
            Stack = stack,
            PeakArrivalsPerMinute = peak / sharedBy,
            Curve = curve,
            UtcOffsetHours = utcOffset,
            SessionLength = SessionLength(users.SessionLength ?? throw Problem(users, "users: give sessionLength (fixed, exponential or logNormal).")),
            Behavior = behavior,
        };
    }

    private DemandCurve Curve(UsersDocument users) => users.Curve switch
    {
        null => DemandCurve.Flat,
        string named => DemandCurve.Named.TryGetValue(named, out var curve)
            ? curve
            : throw Problem(users, $"curve {named} is not one of {string.Join(", ", DemandCurve.Named.Keys)} (or give 24 hourly weights)."),
        List<object> weights when weights.Count == 24 => new DemandCurve
        {
            Name = "custom",
            HourlyWeights = weights.Select(w => double.TryParse(w?.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0
                ? value
                : throw Problem(users, $"curve weights are numbers of 0 or more, not '{w}'.")).ToList(),
        },
        _ => throw Problem(users, "curve is a name (flat, office-hours, evening) or a list of 24 hourly weights."),
    };

    private SessionLength SessionLength(SessionLengthDocument length)
    {
        var given = new object?[] { length.Fixed, length.Exponential, length.LogNormal }.Count(v => v is not null);
        if (given != 1)
        {
            throw Problem(length, "sessionLength: give exactly one of fixed, exponential and logNormal.");
        }

        if (length.LogNormal is { } logNormal)
        {
            var sigma = logNormal.Sigma ?? throw Problem(logNormal, "logNormal needs median and sigma.");
            if (sigma is < 0 or > 5)
            {
                throw Problem(logNormal, $"logNormal sigma must be between 0 and 5, not {sigma}.");
            }

            return new SessionLength { Kind = SessionLengthKind.LogNormal, Typical = Positive(logNormal.Median, logNormal, "median"), Sigma = sigma };
        }

        return length.Fixed is not null
            ? new SessionLength { Kind = SessionLengthKind.Fixed, Typical = Positive(length.Fixed, length, "fixed") }
            : new SessionLength { Kind = SessionLengthKind.Exponential, Typical = Positive(length.Exponential, length, "exponential") };
    }
}
