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

/// <summary>The timeline: what each event does, and to which accounts, regions and fleets.</summary>
public sealed partial class ScenarioCompiler
{
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
}
