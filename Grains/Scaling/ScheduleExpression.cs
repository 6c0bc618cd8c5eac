using System.Globalization;
using System.Text.RegularExpressions;
using Cronos;
using RegionSim.Errors;

namespace RegionSim.Scaling;

/// <summary>
/// The schedule of a scheduled action as Application Auto Scaling writes it: <c>at(2026-01-05T18:00:00)</c>,
/// <c>rate(15 minutes)</c>, or <c>cron(0 8 ? * MON-FRI *)</c> (minutes, hours, day of month, month, day of
/// week 1-7 = SUN-SAT, year), in a time zone (UTC unless given).
/// </summary>
internal sealed partial class ScheduleExpression
{
    private readonly DateTimeOffset? _at;
    private readonly TimeSpan? _rate;
    private readonly CronExpression? _cron;
    private readonly Func<int, bool> _year = _ => true;
    private readonly TimeZoneInfo _zone;

    private ScheduleExpression(TimeZoneInfo zone, DateTimeOffset? at = null, TimeSpan? rate = null, CronExpression? cron = null, Func<int, bool>? year = null)
    {
        _zone = zone;
        _at = at;
        _rate = rate;
        _cron = cron;
        _year = year ?? _year;
    }

    /// <summary>Parses a schedule, or refuses it with a Validation error naming the member.</summary>
    public static ScheduleExpression Parse(string? schedule, string? timezone)
    {
        var zone = Zone(timezone);
        var text = schedule?.Trim() ?? "";
        if (AtShape().Match(text) is { Success: true } at
            && DateTime.TryParseExact(at.Groups[1].Value, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return new ScheduleExpression(zone, at: new DateTimeOffset(local, zone.GetUtcOffset(local)));
        }

        if (RateShape().Match(text) is { Success: true } rate && int.TryParse(rate.Groups[1].Value, CultureInfo.InvariantCulture, out var count) && count > 0)
        {
            var unit = rate.Groups[2].Value.TrimEnd('s') switch
            {
                "minute" => TimeSpan.FromMinutes(1),
                "hour" => TimeSpan.FromHours(1),
                _ => TimeSpan.FromDays(1),
            };
            return new ScheduleExpression(zone, rate: unit * count);
        }

        if (CronShape().Match(text) is { Success: true } cron)
        {
            var fields = cron.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 6 && (fields[2] == "?" || fields[4] == "?"))
            {
                try
                {
                    var dayOfWeek = WeekdayNumber().Replace(fields[4], day => (int.Parse(day.Value, CultureInfo.InvariantCulture) - 1).ToString(CultureInfo.InvariantCulture));
                    var expression = CronExpression.Parse($"{fields[0]} {fields[1]} {fields[2]} {fields[3]} {dayOfWeek}");
                    return new ScheduleExpression(zone, cron: expression, year: Years(fields[5]));
                }
                catch (Exception error) when (error is CronFormatException or FormatException or OverflowException)
                {
                    // Refused below.
                }
            }
        }

        throw AppStreamException.Invalid(
            $"1 validation error detected: Value '{schedule}' at 'Schedule' failed to satisfy constraint: Member must be at(yyyy-mm-ddThh:mm:ss), " +
            "rate(N minutes|hours|days) or cron(minutes hours day-of-month month day-of-week year) with ? in day-of-month or day-of-week");
    }

    /// <summary>The first time after <paramref name="after"/> (rates count from <paramref name="anchor"/>), within the start and end times; null when there is none.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset after, DateTimeOffset anchor, DateTimeOffset? start, DateTimeOffset? end)
    {
        if (start is { } from && after < from)
        {
            after = from - TimeSpan.FromTicks(1);
        }

        DateTimeOffset? next = null;
        if (_at is { } at)
        {
            next = at > after ? at : null;
        }
        else if (_rate is { } rate)
        {
            var origin = start ?? anchor + rate;
            next = origin > after ? origin : origin + TimeSpan.FromTicks(rate.Ticks * ((after - origin).Ticks / rate.Ticks + 1));
        }
        else if (_cron is { } cron)
        {
            next = cron.GetNextOccurrence(after, _zone);
            while (next is { } candidate && !_year(TimeZoneInfo.ConvertTime(candidate, _zone).Year))
            {
                var year = TimeZoneInfo.ConvertTime(candidate, _zone).Year;
                if (year >= 2200)
                {
                    return null;
                }

                var nextYear = new DateTime(year + 1, 1, 1);
                next = cron.GetNextOccurrence(new DateTimeOffset(nextYear, _zone.GetUtcOffset(nextYear)) - TimeSpan.FromTicks(1), _zone);
            }
        }

        return next is { } found && (end is null || found <= end) ? found : null;
    }

    private static TimeZoneInfo Zone(string? timezone)
    {
        if (string.IsNullOrEmpty(timezone))
        {
            return TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(timezone);
        }
        catch (Exception error) when (error is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw AppStreamException.Invalid($"1 validation error detected: Value '{timezone}' at 'Timezone' failed to satisfy constraint: Member must be an IANA time zone such as Europe/Paris");
        }
    }

    /// <summary>The year field: <c>*</c>, or years and ranges of years separated by commas.</summary>
    private static Func<int, bool> Years(string field)
    {
        if (field == "*")
        {
            return _ => true;
        }

        var ranges = field.Split(',').Select(part =>
        {
            var bounds = part.Split('-');
            var first = int.Parse(bounds[0], CultureInfo.InvariantCulture);
            var last = bounds.Length == 2 ? int.Parse(bounds[1], CultureInfo.InvariantCulture) : first;
            return bounds.Length <= 2 && first is >= 1970 and <= 2199 && last >= first && last <= 2199
                ? (first, last)
                : throw new FormatException($"'{part}' is not a year or range of years.");
        }).ToList();
        return year => ranges.Any(range => year >= range.first && year <= range.last);
    }

    [GeneratedRegex(@"^at\((\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\)$")]
    private static partial Regex AtShape();

    [GeneratedRegex(@"^rate\((\d+) (minutes?|hours?|days?)\)$")]
    private static partial Regex RateShape();

    [GeneratedRegex(@"^cron\(([^)]+)\)$")]
    private static partial Regex CronShape();

    // AWS numbers the days of the week 1-7 from Sunday, cron (and Cronos) 0-6: numbers that are days move
    // down by one; those after # (the nth weekday) or / (a step) are not days.
    [GeneratedRegex(@"(?<![#/\d])\d+")]
    private static partial Regex WeekdayNumber();
}
