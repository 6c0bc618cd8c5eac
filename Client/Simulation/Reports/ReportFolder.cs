using System.Globalization;
using System.Text;
using System.Text.Json;
using RegionSim.Client.Simulation.Run;

namespace RegionSim.Client.Simulation.Reports;

/// <summary>Writes a run's report folder: summary.json, run.json, the CSV series, fleets.csv and report.html.</summary>
public static class ReportFolder
{
    public static string DefaultFor(string scenario, DateTimeOffset wallNow) =>
        Path.Combine("reports", $"{scenario}-{wallNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");

    public static async Task<SimulationSummary> WriteAsync(SimulationResult result, string folder)
    {
        Directory.CreateDirectory(folder);
        var summary = SimulationSummary.Of(result);
        await File.WriteAllTextAsync(Path.Combine(folder, "summary.json"), summary.ToJson());
        await File.WriteAllTextAsync(Path.Combine(folder, "run.json"), JsonSerializer.Serialize(new
        {
            scenario = result.Plan.Name,
            file = result.Plan.File,
            setupWallSeconds = Math.Round(result.Measurements.SetupWallTime.TotalSeconds, 3),
            stepsWallSeconds = Math.Round(result.Measurements.StepsWallTime.TotalSeconds, 3),
            sessionsPerWallSecond = Math.Round(summary.Overall.SessionsStarted / Math.Max(0.001, result.Measurements.StepsWallTime.TotalSeconds)),
            regionGrainCalls = result.Measurements.RegionGrainCalls,
            grainCalls = result.Measurements.GrainCalls,
            peakWorkingSetMiB = result.Measurements.PeakWorkingSetBytes / (1024 * 1024),
            recoveries = result.Recoveries.Select(r => new { step = r.Step, region = r.Region, restartedFleets = r.RestartedFleets, error = r.Error }),
        }, SimulationSummary.Json));
        await File.WriteAllTextAsync(Path.Combine(folder, "series-regions.csv"), SeriesCsv.Regions(result));
        await File.WriteAllTextAsync(Path.Combine(folder, "series-overall.csv"), SeriesCsv.Overall(result));
        await File.WriteAllTextAsync(Path.Combine(folder, "fleets.csv"), FleetsCsv(summary));
        await File.WriteAllTextAsync(Path.Combine(folder, "report.html"), HtmlReport.Render(result, summary));
        return summary;
    }

    private static string FleetsCsv(SimulationSummary summary)
    {
        var csv = new StringBuilder().AppendLine("fleet,attempts,started,ended,refused,peak_sessions,mean_sessions,capacity_utilization");
        foreach (var fleet in summary.Fleets)
        {
            var c = fleet.Counts;
            csv.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{fleet.Fleet},{c.ConnectionAttempts},{c.SessionsStarted},{c.SessionsEnded},{c.RefusedForCapacity},{c.PeakSessions},{c.MeanSessions:F3},{c.CapacityUtilization:F2}"));
        }

        return csv.ToString();
    }
}
