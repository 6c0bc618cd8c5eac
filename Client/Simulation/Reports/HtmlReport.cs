using System.Globalization;
using System.Net;
using System.Text;
using RegionSim.Client.Simulation.Run;
using RegionSim.Simulation;
using ScottPlot;

namespace RegionSim.Client.Simulation.Reports;

/// <summary>
/// <c>report.html</c>: the day in charts — capacity against demand for the whole deployment and for each
/// region, refusals, the timeline's events marked — and the summary's numbers in tables. One file, charts
/// inline as SVG, nothing to fetch.
/// </summary>
public static class HtmlReport
{
    public static string Render(SimulationResult result, SimulationSummary summary)
    {
        var html = new StringBuilder();
        html.Append($$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>RegionSim: {{Text(summary.Scenario)}}</title>
            <style>
              body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; max-width: 1100px; }
              table { border-collapse: collapse; margin: 1rem 0; } td, th { padding: .25rem .6rem; border-bottom: 1px solid #ddd; text-align: right; }
              th:first-child, td:first-child { text-align: left; } .chart { margin: 1rem 0 2rem; }
              .muted { color: #666; }
            </style></head><body>
            <h1>{{Text(summary.Scenario)}}</h1>
            <p class="muted">{{summary.Start:yyyy-MM-dd HH:mm}} UTC, {{summary.Duration}} in steps of {{summary.Step}}, seed {{summary.Seed}};
            {{result.Fleets.Count}} fleets in {{summary.Regions.Count}} regions.</p>
            """);
        html.Append(Table(summary));
        html.Append(Restarted(summary));
        html.Append(Timeline(summary));
        var overall = Enumerable.Range(0, result.Plan.Steps)
            .Select(step => result.RegionSeries.Values.Aggregate(default(FleetSample), (sum, series) => sum + series[step]))
            .ToArray();
        html.Append("<h2>The whole deployment</h2>").Append(Chart("All regions", overall, result, 1000, 380));
        html.Append("<h2>Region by region</h2>");
        foreach (var (region, series) in result.RegionSeries.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            html.Append(Chart(region, series, result, 1000, 300));
        }

        return html.Append("</body></html>").ToString();
    }

    private static string Table(SimulationSummary summary)
    {
        var table = new StringBuilder("<table><tr><th>region</th><th>fleets</th><th>attempts</th><th>started</th><th>ended</th><th>refused for capacity</th><th>peak sessions</th><th>mean sessions</th><th>CapacityUtilization</th></tr>");
        foreach (var region in summary.Regions)
        {
            Row(table, region.Region, region.Fleets, region.Counts);
        }

        Row(table, "<b>all</b>", summary.Fleets.Count, summary.Overall);
        return table.Append("</table>").ToString();
    }

    private static void Row(StringBuilder table, string name, int fleets, Counts c) =>
        table.Append(CultureInfo.InvariantCulture,
            $"<tr><td>{name}</td><td>{fleets:N0}</td><td>{c.ConnectionAttempts:N0}</td><td>{c.SessionsStarted:N0}</td><td>{c.SessionsEnded:N0}</td><td>{c.RefusedForCapacity:N0}</td><td>{c.PeakSessions:N0}</td><td>{c.MeanSessions:N1}</td><td>{c.CapacityUtilization:N1}%</td></tr>");

    private static string Restarted(SimulationSummary summary) =>
        summary.RestartedFleets is { } restarted
            ? $"<p><b>A silo died during the run.</b> These {restarted.Count} fleets lost their simulated users with it and started over with new ones, so their totals are not an undisturbed run's: {Text(string.Join(", ", restarted))}.</p>"
            : "";

    private static string Timeline(SimulationSummary summary)
    {
        if (summary.Timeline.Count == 0)
        {
            return "";
        }

        var list = new StringBuilder("<h2>Timeline</h2><ul>");
        foreach (var entry in summary.Timeline)
        {
            list.Append($"<li>{Text(entry.Description)}: {Text(entry.Outcome)}</li>");
        }

        return list.Append("</ul>").ToString();
    }

    /// <summary>Capacity (running, desired) against demand (sessions in progress), refusals on the right axis, events as vertical lines.</summary>
    private static string Chart(string title, IReadOnlyList<FleetSample> series, SimulationResult result, int width, int height)
    {
        var plot = new Plot();
        var hours = Enumerable.Range(0, series.Count).Select(step => (result.Plan.Step * (step + 1)).TotalHours).ToArray();
        Line(plot, hours, series.Select(s => (double)s.Running).ToArray(), "running instances", Colors.SteelBlue);
        Line(plot, hours, series.Select(s => (double)s.Desired).ToArray(), "desired", Colors.Gray);
        Line(plot, hours, series.Select(s => (double)s.Sessions).ToArray(), "sessions in progress", Colors.DarkOrange);
        var refused = Line(plot, hours, series.Select(s => (double)s.Refused).ToArray(), "refused for capacity (per step, right axis)", Colors.Crimson);
        refused.Axes.YAxis = plot.Axes.Right;
        foreach (var entry in result.Timeline)
        {
            var line = plot.Add.VerticalLine(entry.At.TotalHours, 1, Colors.Black.WithAlpha(0.5), LinePattern.Dashed);
            line.Text = entry.Description.Split(' ', 2)[0];
        }

        plot.Title(title);
        plot.Axes.Bottom.Label.Text = $"hours since {result.Start:yyyy-MM-dd HH:mm} UTC";
        plot.Axes.Left.Label.Text = "instances / sessions";
        plot.Axes.Right.Label.Text = "refused";
        plot.ShowLegend(Alignment.UpperLeft);
        return $"<div class=\"chart\">{plot.GetSvgXml(width, height)}</div>";
    }

    private static ScottPlot.Plottables.Scatter Line(Plot plot, double[] xs, double[] ys, string label, Color color)
    {
        var line = plot.Add.ScatterLine(xs, ys, color);
        line.LegendText = label;
        line.LineWidth = 1.5f;
        return line;
    }

    private static string Text(string text) => WebUtility.HtmlEncode(text);
}
