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

/// <summary>Reading values: the regions and accounts a scenario names, durations and numbers, and where a problem is.</summary>
public sealed partial class ScenarioCompiler
{
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
