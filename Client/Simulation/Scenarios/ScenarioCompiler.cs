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

    private SimulationTimings CompileTimings(ScenarioDocument scenario) =>
        TimingsText.Read(scenario.Timings ?? [], problem => throw Problem(scenario, problem));
}
