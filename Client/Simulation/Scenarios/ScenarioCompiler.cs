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

/// <summary>
/// Turns a scenario file into a <see cref="ScenarioPlan"/>, refusing anything wrong with the file, line
/// and what is wrong, before anything runs. AppStream's own rules (name patterns, ranges) are the grains'
/// to apply when the plan runs; this checks what only the scenario can know (references, units, shape).
/// </summary>
public sealed partial class ScenarioCompiler(string file)
{
    private readonly Dictionary<string, IReadOnlyList<string>> _accounts = new(StringComparer.Ordinal);
    private IReadOnlyList<string> _regions = [];

    public static ScenarioPlan Load(string path) => new ScenarioCompiler(path).Compile(YamlFiles.Read<ScenarioDocument>(path));

    public ScenarioPlan Compile(ScenarioDocument scenario)
    {
        var name = Required(scenario.Name, scenario, "name");
        var duration = Duration(scenario.Duration ?? "24h", scenario, "duration");
        var step = Duration(scenario.Step ?? "1m", scenario, "step");
        if (step <= TimeSpan.Zero || duration <= TimeSpan.Zero || step > duration)
        {
            throw Problem(scenario, $"step ({SimDuration.Format(step)}) must be positive and no longer than duration ({SimDuration.Format(duration)}).");
        }

        var regions = CompileRegions(scenario);
        CompileAccounts(scenario);
        var images = (scenario.Images ?? []).Select(CompileImage).ToList();
        var fleets = (scenario.Fleets ?? []).SelectMany(group => CompileFleetGroup(group, regions)).ToList();
        var duplicate = fleets.GroupBy(f => f.Key).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw Problem(scenario.Fleets!.First(), $"two fleet groups both make fleet {duplicate.Key}; give the groups different names.");
        }

        return new ScenarioPlan
        {
            Name = name,
            File = file,
            Seed = scenario.Seed ?? 1,
            Start = scenario.Start ?? new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero),
            Duration = duration,
            Step = step,
            Timings = CompileTimings(scenario),
            Regions = regions,
            Images = images,
            Copies = (scenario.Copies ?? []).SelectMany(CompileCopy).ToList(),
            Shares = (scenario.Shares ?? []).SelectMany(CompileShare).ToList(),
            Fleets = fleets,
            Timeline = (scenario.Timeline ?? []).Select(e => CompileEvent(e, fleets)).OrderBy(e => e.At).ToList(),
        };
    }

    private IReadOnlyList<PlannedRegion> CompileRegions(ScenarioDocument scenario)
    {
        if (scenario.Regions is not { Count: > 0 })
        {
            throw Problem(scenario, "regions: name at least one region.");
        }

        var regions = new List<PlannedRegion>();
        foreach (var (code, region) in scenario.Regions)
        {
            if (!AwsRegions.IsKnown(code))
            {
                throw Problem(region, $"'{code}' is not an AppStream region ({string.Join(", ", AwsRegions.Codes)}).");
            }

            if (region.UtcOffset is < -12 or > 14)
            {
                throw Problem(region, $"utcOffset {region.UtcOffset} is not an offset from UTC in hours (-12 to 14).");
            }

            foreach (var (type, count) in region.Capacity ?? [])
            {
                if (count < 0)
                {
                    throw Problem(region, $"capacity of {type} must be 0 or more, not {count}.");
                }
            }

            regions.Add(new PlannedRegion(code, region.UtcOffset, region.Capacity ?? new Dictionary<string, int>()));
        }

        _regions = regions.Select(r => r.Code).ToList();
        return regions;
    }

    private void CompileAccounts(ScenarioDocument scenario)
    {
        foreach (var (name, account) in scenario.Accounts ?? [])
        {
            if (account.Id is not null)
            {
                _accounts[name] = [AccountId(account.Id, account, name)];
                continue;
            }

            if (account.Count is not { } count || count < 1 || account.FirstId is null)
            {
                throw Problem(account, $"account {name}: give a 12-digit id, or a group with count (1 or more) and firstId.");
            }

            var first = long.Parse(AccountId(account.FirstId, account, $"{name}.firstId"), CultureInfo.InvariantCulture);
            if (first + count - 1 > 999_999_999_999)
            {
                throw Problem(account, $"account group {name}: {count} ids from {account.FirstId} run past 999999999999.");
            }

            _accounts[name] = Enumerable.Range(0, count).Select(i => (first + i).ToString("D12", CultureInfo.InvariantCulture)).ToList();
        }
    }

    private PlannedImage CompileImage(ImageDocument image)
    {
        var name = Required(image.Name, image, "name");
        var baseImage = Required(image.BaseImage, image, "baseImage");
        if (BaseImageCatalog.Find(baseImage) is null)
        {
            throw Problem(image, $"baseImage {baseImage} is not a public base image (for example {BaseImageCatalog.Images[^1].Name}).");
        }

        return new PlannedImage(OneAccount(image.Account, image, "account"), Region(image.Region, image, "region"), name, baseImage, image.Applications ?? []);
    }

    private IEnumerable<PlannedCopy> CompileCopy(CopyDocument copy)
    {
        var account = OneAccount(copy.Account, copy, "account");
        var image = Required(copy.Image, copy, "image");
        var from = Region(copy.From, copy, "from");
        return Regions(copy.To, copy, "to", except: from).Select(to => new PlannedCopy(account, image, from, to, copy.As ?? image));
    }

    private IEnumerable<PlannedShare> CompileShare(ShareDocument share)
    {
        var account = OneAccount(share.Account, share, "account");
        var image = Required(share.Image, share, "image");
        var recipients = Accounts(share.With, share, "with");
        return Regions(share.Regions, share, "regions")
            .SelectMany(region => recipients.Select(recipient => new PlannedShare(account, region, image, recipient, share.AllowFleet, share.AllowImageBuilder)));
    }

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

    private PlannedEvent CompileEvent(EventDocument step, IReadOnlyList<PlannedFleet> fleets)
    {
        var at = Duration(Required(step.At, step, "at"), step, "at");
        var actions = new object?[] { step.CopyImage, step.RevokeShare, step.UpdateFleet, step.RegionCapacity }.Count(a => a is not null);
        if (actions != 1)
        {
            throw Problem(step, "a timeline event has at and exactly one of copyImage, revokeShare, updateFleet, regionCapacity.");
        }

        var when = $"+{SimDuration.Format(at)}";
        if (step.CopyImage is { } copy)
        {
            var copies = CompileCopy(copy).ToList();
            return new CopyEvent(at, $"{when} copy {copy.Image} from {copy.From} to {string.Join(", ", copies.Select(c => c.To))}", copies);
        }

        if (step.RevokeShare is { } revoke)
        {
            var from = Accounts(revoke.From, revoke, "from");
            var regions = Regions(revoke.Regions, revoke, "regions");
            return new RevokeEvent(at, $"{when} revoke {(revoke.KeepImageBuilder ? "allowFleet on" : "the share of")} {revoke.Image} from {Count(from, "account")} in {string.Join(", ", regions)}",
                OneAccount(revoke.Account, revoke, "account"), Required(revoke.Image, revoke, "image"), regions, from, revoke.KeepImageBuilder);
        }

        if (step.UpdateFleet is { } update)
        {
            var fleetName = Required(update.Fleet, update, "fleet");
            var accounts = Accounts(update.Accounts, update, "accounts");
            var regions = Regions(update.Regions, update, "regions");
            var matched = fleets.Where(f => f.Name == fleetName && accounts.Contains(f.Account) && regions.Contains(f.Region)).Select(f => f.Key).ToList();
            if (matched.Count == 0)
            {
                throw Problem(update, $"no fleet named {fleetName} in those accounts and regions.");
            }

            var owner = update.Image?.Owner is null ? null : OneAccount(update.Image.Owner, update.Image, "image.owner");
            var imageName = update.Image is null ? null : Required(update.Image.Name, update.Image, "image.name");
            if (imageName is null && update.Desired is null)
            {
                throw Problem(update, "updateFleet: give an image, a desired capacity, or both.");
            }

            return new UpdateFleetEvent(at, matched.Count == 1 ? $"{when} update fleet {matched[0]}" : $"{when} update the {matched.Count} fleets named {fleetName}", matched, imageName, owner, update.Desired);
        }

        var capacity = step.RegionCapacity!;
        var region = Region(capacity.Region, capacity, "region");
        var instanceType = Required(capacity.InstanceType, capacity, "instanceType");
        var limit = capacity.Capacity is >= 0 ? capacity.Capacity.Value : throw Problem(capacity, "capacity: the number of instances the region can run, 0 or more.");
        return new RegionCapacityEvent(at, $"{when} {region} {instanceType} capacity {limit}", region, instanceType, limit);
    }

    private SimulationTimings CompileTimings(ScenarioDocument scenario) =>
        TimingsText.Read(scenario.Timings ?? [], problem => throw Problem(scenario, problem));

    private IReadOnlyList<string> Regions(List<string>? names, Located where, string member, string? except = null)
    {
        if (names is not { Count: > 0 })
        {
            throw Problem(where, $"{member}: name at least one region (or all).");
        }

        var regions = names.SelectMany(name => name == "all" ? _regions : [Region(name, where, member)]).Where(r => r != except).Distinct().ToList();
        return regions.Count > 0 ? regions : throw Problem(where, $"{member}: no region left.");
    }

    private string Region(string? region, Located where, string member)
    {
        Required(region, where, member);
        return _regions.Contains(region!)
            ? region!
            : throw Problem(where, $"{member}: {region} is not one of the scenario's regions ({string.Join(", ", _regions)}).");
    }

    private IReadOnlyList<string> Accounts(List<string>? selectors, Located where, string member)
    {
        if (selectors is not { Count: > 0 })
        {
            throw Problem(where, $"{member}: name at least one account.");
        }

        return selectors.SelectMany(selector => Select(selector, where, member)).Distinct().ToList();
    }

    private string OneAccount(string? selector, Located where, string member)
    {
        var accounts = Select(Required(selector, where, member), where, member);
        return accounts.Count == 1 ? accounts[0] : throw Problem(where, $"{member}: {selector} is a group of {accounts.Count} accounts; name one (for example {selector}[0]).");
    }

    /// <summary><c>isv</c>, <c>tenants</c>, <c>tenants[3]</c> or a literal 12-digit id.</summary>
    private IReadOnlyList<string> Select(string selector, Located where, string member)
    {
        if (AccountIdShape().IsMatch(selector))
        {
            return [selector];
        }

        var match = IndexedShape().Match(selector);
        var name = match.Success ? match.Groups["name"].Value : selector;
        if (!_accounts.TryGetValue(name, out var accounts))
        {
            throw Problem(where, $"{member}: {name} is not an account of the scenario ({string.Join(", ", _accounts.Keys)}).");
        }

        if (!match.Success)
        {
            return accounts;
        }

        var index = int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture);
        return index < accounts.Count ? [accounts[index]] : throw Problem(where, $"{member}: {name} has {accounts.Count} accounts; {selector} is past the end.");
    }

    private string AccountId(string id, Located where, string member) =>
        AccountIdShape().IsMatch(id) ? id : throw Problem(where, $"{member}: '{id}' is not a 12-digit AWS account id.");

    private T Enum<T>(string value, Located where, string member) where T : struct, Enum =>
        System.Enum.GetValues<T>().FirstOrDefault(v => Wire.WireNames.Of(v) == value) is var found && Wire.WireNames.Of(found) == value
            ? found
            : throw Problem(where, $"{member}: {value} is not one of {string.Join(", ", System.Enum.GetValues<T>().Select(v => Wire.WireNames.Of(v)))}.");

    private int? Seconds(string? duration, Located where, string member) =>
        duration is null ? null : (int)Duration(duration, where, member).TotalSeconds;

    private TimeSpan Positive(string? duration, Located where, string member)
    {
        var value = Duration(Required(duration, where, member), where, member);
        return value > TimeSpan.Zero ? value : throw Problem(where, $"{member} must be longer than 0.");
    }

    private TimeSpan Duration(string duration, Located where, string member) =>
        SimDuration.TryParse(duration, out var value) && value >= TimeSpan.Zero
            ? value
            : throw Problem(where, $"{member}: '{duration}' is not a duration (write it like 90s, 25m, 1h30m or 2d).");

    private double Probability(double value, Located where, string member) =>
        value is >= 0 and <= 1 ? value : throw Problem(where, $"{member} is a probability between 0 and 1, not {value}.");

    private string Required(string? value, Located where, string member) =>
        string.IsNullOrWhiteSpace(value) ? throw Problem(where, $"{member} is required.") : value;

    private static string Count(IReadOnlyCollection<string> items, string noun) => items.Count == 1 ? items.First() : $"{items.Count} {noun}s";

    private YamlProblem Problem(Located where, string problem) => new(file, where.Location, problem);

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex AccountIdShape();

    [GeneratedRegex(@"^(?<name>[A-Za-z][\w-]*)\[(?<index>\d+)\]$")]
    private static partial Regex IndexedShape();
}
