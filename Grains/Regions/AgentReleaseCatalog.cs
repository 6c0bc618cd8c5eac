using System.Globalization;
using RegionSim.Images;

namespace RegionSim.Regions;

/// <summary>
/// The AppStream 2.0 agent releases, named by their date (<c>MM-DD-YYYY</c>) as the agent version history
/// names them. Until 2017-12-07 agents came only inside base images, so those base images' agents are
/// releases too. Which agent is the latest depends on the simulated date: the newest released by then.
/// </summary>
public static class AgentReleaseCatalog
{
    /// <summary>What an AppstreamAgentVersion member says to mean "the newest agent".</summary>
    public const string Latest = "[LATEST]";

    public static IReadOnlyList<AgentRelease> Releases { get; } = new[]
    {
        // Shipped inside the base images of these dates.
        "05-02-2017", "07-24-2017",
        // The agent version history.
        "12-07-2017", "01-24-2018", "03-19-2018", "05-21-2018", "05-31-2018", "06-06-2018", "06-19-2018",
        "07-16-2018", "07-26-2018", "08-29-2018", "10-01-2018", "10-24-2018", "10-30-2018", "11-14-2018",
        "12-04-2018", "12-17-2018", "12-19-2018", "01-08-2019", "01-22-2019", "03-07-2019", "04-02-2019",
        "05-07-2019", "06-19-2019", "06-24-2019", "07-26-2019", "08-08-2019", "09-03-2019", "09-10-2019",
        "09-23-2019", "10-08-2019", "11-13-2019", "01-13-2020", "02-19-2020", "04-20-2020", "05-27-2020",
        "07-30-2020",
        // The agents of the later base images in the catalogue.
        "02-18-2022", "06-12-2023", "09-21-2023", "10-08-2024",
    }.Select(AgentRelease.Parse).OrderBy(release => release.ReleasedOn).ToArray();

    private static readonly Dictionary<string, AgentRelease> ByVersion = Releases.ToDictionary(r => r.Version, StringComparer.Ordinal);

    // Release dates in order, searched by every instance launch of an always-latest image (load simulations make millions).
    private static readonly long[] ReleaseTicks = Releases.Select(release => release.ReleasedOn.UtcTicks).ToArray();

    /// <summary>The newest agent released by <paramref name="now"/>.</summary>
    public static AgentRelease LatestAt(DateTimeOffset now)
    {
        var index = Array.BinarySearch(ReleaseTicks, now.UtcTicks);
        var released = index >= 0 ? index : ~index - 1;
        return Releases[Math.Max(released, 0)];
    }

    /// <summary>
    /// The agent an instance (fleet instance or image builder) launched at <paramref name="launchedAt"/> runs:
    /// the one its image carries, or, for an image that always uses the latest, the newest released by then
    /// (never older than the carried one). An instance keeps its agent while it lives.
    /// </summary>
    public static string AtLaunch(LaunchAgent image, DateTimeOffset launchedAt)
    {
        if (!image.AlwaysLatest)
        {
            return image.Carried;
        }

        var latest = LatestAt(launchedAt).Version;
        return IsNewer(latest, image.Carried) ? latest : image.Carried;
    }

    /// <summary>The first release after <paramref name="now"/>, if the catalogue has one.</summary>
    public static AgentRelease? NextAfter(DateTimeOffset now) => Releases.FirstOrDefault(release => release.ReleasedOn > now);

    /// <summary>The release of that version, if it is one and was out by <paramref name="now"/>.</summary>
    public static AgentRelease? Find(string version, DateTimeOffset now) =>
        ByVersion.TryGetValue(version, out var release) && release.ReleasedOn <= now ? release : null;

    /// <summary>Whether <paramref name="candidate"/> is a later agent than <paramref name="current"/> (unknown versions count as oldest).</summary>
    public static bool IsNewer(string candidate, string current) => DateOf(candidate) > DateOf(current);

    private static DateTimeOffset DateOf(string version) =>
        ByVersion.TryGetValue(version, out var release) ? release.ReleasedOn : DateTimeOffset.MinValue;
}

/// <summary>One agent release: its version and the day it came out.</summary>
public sealed record AgentRelease(string Version, DateTimeOffset ReleasedOn)
{
    public static AgentRelease Parse(string version) =>
        new(version, new DateTimeOffset(DateTime.ParseExact(version, "MM-dd-yyyy", CultureInfo.InvariantCulture), TimeSpan.Zero));
}
