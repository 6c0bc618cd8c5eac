using System.Reflection;
using RegionSim.Time;

namespace RegionSim.Client.Text;

/// <summary>Simulated durations as scenarios and scripts name them: <c>imageCopy: 20m</c>, any member of <see cref="SimulationTimings"/>.</summary>
public static class TimingsText
{
    private static readonly PropertyInfo[] Durations = typeof(SimulationTimings)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(property => property.PropertyType == typeof(TimeSpan) && property.CanWrite)
        .ToArray();

    /// <summary>The names a file may use, camelCase.</summary>
    public static IReadOnlyList<string> Names { get; } = Durations.Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..]).ToArray();

    /// <summary>The default timings with each named duration set; what cannot be read is told to <paramref name="problem"/> and left as it was.</summary>
    public static SimulationTimings Read(IReadOnlyDictionary<string, string> named, Action<string> problem)
    {
        var timings = SimulationTimings.Default;
        foreach (var (member, value) in named)
        {
            var property = Array.Find(Durations, p => string.Equals(p.Name, member, StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                problem($"timings: {member} is not a simulated duration ({string.Join(", ", Names)}).");
                continue;
            }

            if (!SimDuration.TryParse(value, out var duration))
            {
                problem($"timings.{member}: '{value}' is not a duration (write it like 90s, 25m, 1h30m or 2d).");
                continue;
            }

            // The timings are an immutable record: set the one member on a copy (init accessors are settable through reflection).
            var copy = timings with { };
            property.SetValue(copy, duration);
            timings = copy;
        }

        return timings;
    }
}
