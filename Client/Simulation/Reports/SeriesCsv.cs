using System.Globalization;
using System.Text;
using RegionSim.Client.Simulation.Run;
using RegionSim.Simulation;

namespace RegionSim.Client.Simulation.Reports;

/// <summary>The time series as CSV: every region step by step, and the whole deployment.</summary>
public static class SeriesCsv
{
    private const string Columns = "step,time,desired,running,in_use,available,pending,sessions,attempts,started,ended,refused";

    public static string Regions(SimulationResult result)
    {
        var csv = new StringBuilder("region,").AppendLine(Columns);
        foreach (var (region, series) in result.RegionSeries.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            for (var step = 0; step < series.Length; step++)
            {
                csv.Append(region).Append(',');
                Row(csv, result, step, series[step]);
            }
        }

        return csv.ToString();
    }

    public static string Overall(SimulationResult result)
    {
        var csv = new StringBuilder().AppendLine(Columns);
        for (var step = 0; step < result.Plan.Steps; step++)
        {
            Row(csv, result, step, result.RegionSeries.Values.Aggregate(default(FleetSample), (sum, series) => sum + series[step]));
        }

        return csv.ToString();
    }

    private static void Row(StringBuilder csv, SimulationResult result, int step, FleetSample s) =>
        csv.AppendLine(string.Join(',',
            (step + 1).ToString(CultureInfo.InvariantCulture),
            result.StepEnd(step).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            s.Desired, s.Running, s.InUse, s.Available, s.Pending, s.Sessions, s.Attempts, s.Started, s.Ended, s.Refused));
}
