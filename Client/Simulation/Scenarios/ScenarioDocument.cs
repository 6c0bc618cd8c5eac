using RegionSim.Client.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace RegionSim.Client.Simulation.Scenarios;

/// <summary>
/// A load-simulation scenario as its YAML file writes it (see <c>scenarios/quickstart.yaml</c>). Checked
/// and expanded into a <see cref="ScenarioPlan"/> before anything runs.
/// </summary>
public sealed class ScenarioDocument : Located
{
    public string? Name { get; set; }
    public int? Seed { get; set; }
    public DateTimeOffset? Start { get; set; }
    public string? Duration { get; set; }
    public string? Step { get; set; }

    /// <summary>Simulated durations by <c>SimulationTimings</c> member (camelCase), e.g. <c>imageCopy: 20m</c>.</summary>
    public Dictionary<string, string>? Timings { get; set; }

    public Dictionary<string, RegionDocument>? Regions { get; set; }

    /// <summary>Named accounts: a 12-digit id, or a group <c>{count, firstId}</c>.</summary>
    public Dictionary<string, AccountDocument>? Accounts { get; set; }

    public List<ImageDocument>? Images { get; set; }
    public List<CopyDocument>? Copies { get; set; }
    public List<ShareDocument>? Shares { get; set; }
    public List<FleetGroupDocument>? Fleets { get; set; }
    public List<EventDocument>? Timeline { get; set; }
}

public sealed class RegionDocument : Located
{
    /// <summary>Hours from UTC, for reading demand curves in local time.</summary>
    public double UtcOffset { get; set; }

    /// <summary>How many instances of each type the region can run at once.</summary>
    public Dictionary<string, int>? Capacity { get; set; }
}

/// <summary>A named account (<c>isv: 111111111111</c>) or a group of them (<c>tenants: {count: 50, firstId: 200000000000}</c>).</summary>
public sealed class AccountDocument : Located, IYamlConvertible
{
    public string? Id { get; set; }
    public int? Count { get; set; }
    public string? FirstId { get; set; }

    void IYamlConvertible.Read(IParser parser, Type expectedType, ObjectDeserializer nestedObjectDeserializer)
    {
        Location = parser.Current?.Start ?? Mark.Empty;
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            Id = scalar.Value;
            return;
        }

        var group = (AccountGroupDocument?)nestedObjectDeserializer(typeof(AccountGroupDocument));
        Count = group?.Count;
        FirstId = group?.FirstId;
    }

    void IYamlConvertible.Write(IEmitter emitter, ObjectSerializer nestedObjectSerializer) =>
        throw new NotSupportedException("Scenarios are read, not written.");
}

public sealed class AccountGroupDocument
{
    public int? Count { get; set; }
    public string? FirstId { get; set; }
}

public sealed class ImageDocument : Located
{
    public string? Name { get; set; }
    public string? Account { get; set; }
    public string? Region { get; set; }
    public string? BaseImage { get; set; }
    public List<string>? Applications { get; set; }
}

public sealed class CopyDocument : Located
{
    public string? Image { get; set; }
    public string? Account { get; set; }
    public string? From { get; set; }

    /// <summary>Destination regions; <c>all</c> means every scenario region but the source.</summary>
    public List<string>? To { get; set; }

    /// <summary>The name in the destination region (the source's name when absent).</summary>
    public string? As { get; set; }
}

public sealed class ShareDocument : Located
{
    public string? Image { get; set; }
    public string? Account { get; set; }
    public List<string>? Regions { get; set; }

    /// <summary>Account names or groups (<c>tenants</c>, <c>tenants[3]</c>).</summary>
    public List<string>? With { get; set; }

    public bool AllowFleet { get; set; } = true;
    public bool AllowImageBuilder { get; set; }
}

public sealed class FleetGroupDocument : Located
{
    public string? Name { get; set; }
    public List<string>? Accounts { get; set; }
    public List<string>? Regions { get; set; }

    /// <summary>Fleets per account and region (named <c>name-1</c>, <c>name-2</c>, ... when more than one).</summary>
    public int PerAccount { get; set; } = 1;

    public FleetImageDocument? Image { get; set; }
    public string? Type { get; set; }
    public string? InstanceType { get; set; }
    public int? Desired { get; set; }
    public int? MaxConcurrentSessions { get; set; }
    public string? MaxUserDuration { get; set; }
    public string? DisconnectTimeout { get; set; }
    public string? IdleDisconnectTimeout { get; set; }
    public ScalingDocument? Scaling { get; set; }
    public UsersDocument? Users { get; set; }

    /// <summary>Application settings persistence on the fleet's stack.</summary>
    public bool PersistSettings { get; set; }
}

public sealed class FleetImageDocument : Located
{
    public string? Name { get; set; }

    /// <summary>The account that owns it (the fleet's own account when absent); a public image has none.</summary>
    public string? Owner { get; set; }
}

public sealed class ScalingDocument : Located
{
    public int? Min { get; set; }
    public int? Max { get; set; }

    /// <summary>Target tracking on CapacityUtilization, in percent.</summary>
    public double? TargetUtilization { get; set; }

    public string? ScaleOutCooldown { get; set; }
    public string? ScaleInCooldown { get; set; }
    public List<ScheduledCapacityDocument>? Schedule { get; set; }
}

public sealed class ScheduledCapacityDocument : Located
{
    /// <summary>A cron expression in UTC, e.g. <c>cron(0 7 * * ? *)</c>, or <c>at(2026-03-02T07:00:00)</c>.</summary>
    public string? When { get; set; }
    public int? Min { get; set; }
    public int? Max { get; set; }
}

public sealed class UsersDocument : Located
{
    /// <summary><c>flat</c>, <c>office-hours</c>, <c>evening</c>, or 24 hourly weights.</summary>
    public object? Curve { get; set; }

    /// <summary>Arrivals per minute at the curve's peak.</summary>
    public double? PeakPerMinute { get; set; }

    /// <summary>A constant Poisson arrival rate (a flat curve), instead of curve and peak.</summary>
    public double? RatePerMinute { get; set; }

    /// <summary><c>fleet</c> (the default): the rate is each fleet's; <c>region</c>: it is shared by the group's fleets in a region.</summary>
    public string? Per { get; set; }

    public SessionLengthDocument? SessionLength { get; set; }
    public RetryDocument? Retry { get; set; }
    public DisconnectsDocument? Disconnects { get; set; }
    public IdleDocument? Idle { get; set; }
}

public sealed class SessionLengthDocument : Located
{
    public string? Fixed { get; set; }
    public string? Exponential { get; set; }
    public LogNormalDocument? LogNormal { get; set; }
}

public sealed class LogNormalDocument : Located
{
    public string? Median { get; set; }
    public double? Sigma { get; set; }
}

public sealed class RetryDocument : Located
{
    public int Attempts { get; set; }
    public string? After { get; set; }
}

public sealed class DisconnectsDocument : Located
{
    public double Probability { get; set; }
    public string? ReconnectAfter { get; set; }
}

public sealed class IdleDocument : Located
{
    public double Probability { get; set; }
}

/// <summary>One event of the timeline: <c>at</c> and exactly one action.</summary>
public sealed class EventDocument : Located
{
    public string? At { get; set; }
    public CopyDocument? CopyImage { get; set; }
    public RevokeDocument? RevokeShare { get; set; }
    public UpdateFleetDocument? UpdateFleet { get; set; }
    public RegionCapacityDocument? RegionCapacity { get; set; }
}

public sealed class RevokeDocument : Located
{
    public string? Image { get; set; }
    public string? Account { get; set; }
    public List<string>? Regions { get; set; }
    public List<string>? From { get; set; }

    /// <summary>Revoke only allowFleet (the default) or the whole share.</summary>
    public bool KeepImageBuilder { get; set; }
}

public sealed class UpdateFleetDocument : Located
{
    public string? Fleet { get; set; }
    public List<string>? Accounts { get; set; }
    public List<string>? Regions { get; set; }
    public FleetImageDocument? Image { get; set; }
    public int? Desired { get; set; }
}

public sealed class RegionCapacityDocument : Located
{
    public string? Region { get; set; }
    public string? InstanceType { get; set; }
    public int? Capacity { get; set; }
}
