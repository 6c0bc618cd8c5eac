using System.Globalization;
using System.Text.RegularExpressions;

namespace RegionSim.Client.Text;

/// <summary>Durations as people write them in scenarios and scripts: <c>90s</c>, <c>25m</c>, <c>1h30m</c>, <c>2d</c>, <c>0</c>.</summary>
public static partial class SimDuration
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (text == "0")
        {
            return true;
        }

        var match = Shape().Match(text);
        if (!match.Success)
        {
            return false;
        }

        foreach (Capture part in match.Groups["part"].Captures)
        {
            var unit = part.Value.TrimStart('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '.');
            var amount = double.Parse(part.Value[..^unit.Length], CultureInfo.InvariantCulture);
            duration += unit switch
            {
                "ms" => TimeSpan.FromMilliseconds(amount),
                "s" => TimeSpan.FromSeconds(amount),
                "m" => TimeSpan.FromMinutes(amount),
                "h" => TimeSpan.FromHours(amount),
                "d" => TimeSpan.FromDays(amount),
                _ => throw new InvalidOperationException(unit),
            };
        }

        return true;
    }

    public static TimeSpan Parse(string? text, string what) =>
        TryParse(text, out var duration)
            ? duration
            : throw new FormatException($"{what}: '{text}' is not a duration (write it like 90s, 25m, 1h30m or 2d).");

    public static string Format(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
        {
            return "0";
        }

        var parts = new List<string>();
        if (duration.Days > 0) parts.Add($"{duration.Days}d");
        if (duration.Hours > 0) parts.Add($"{duration.Hours}h");
        if (duration.Minutes > 0) parts.Add($"{duration.Minutes}m");
        if (duration.Seconds > 0) parts.Add($"{duration.Seconds}s");
        if (duration.Milliseconds > 0) parts.Add($"{duration.Milliseconds}ms");
        return string.Concat(parts);
    }

    [GeneratedRegex(@"^(?<part>\d+(\.\d+)?(ms|s|m|h|d))+$")]
    private static partial Regex Shape();
}
