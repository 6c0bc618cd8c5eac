using System.Text.Json;
using System.Text.Json.Serialization;
using RegionSim.Client.Simulation.Run;
using RegionSim.Client.Text;
using RegionSim.Simulation;

namespace RegionSim.Client.Simulation.Reports;

/// <summary>
/// <c>summary.json</c>: per fleet, region and overall, what the day was. It holds nothing of the machine
/// that ran it (wall times are in <c>run.json</c>), so the same scenario and seed give the same bytes.
/// </summary>
public sealed record SimulationSummary
{
    public required string Scenario { get; init; }
    public required int Seed { get; init; }
    public required DateTimeOffset Start { get; init; }
    public required string Duration { get; init; }
    public required string Step { get; init; }
    public required int Steps { get; init; }
    public required Counts Overall { get; init; }
    public required IReadOnlyList<RegionCounts> Regions { get; init; }
    public required IReadOnlyList<FleetCounts> Fleets { get; init; }
    public required IReadOnlyList<TimelineOutcome> Timeline { get; init; }

    /// <summary>
    /// Fleets whose simulated users died with a silo and started over (their totals are not an undisturbed
    /// run's); absent when there are none, so an undisturbed run's bytes do not change.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? RestartedFleets { get; init; }

    public static SimulationSummary Of(SimulationResult result)
    {
        var steps = result.Plan.Steps;
        var regions = result.RegionSeries
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => new RegionCounts
            {
                Region = r.Key,
                Fleets = result.Fleets.Count(f => f.Fleet.StartsWith(r.Key + "/", StringComparison.Ordinal)),
                Counts = Counts.OfSeries(r.Value),
            })
            .ToList();
        var overallSeries = Enumerable.Range(0, steps).Select(step => result.RegionSeries.Values.Aggregate(default(FleetSample), (sum, series) => sum + series[step])).ToArray();
        return new SimulationSummary
        {
            Scenario = result.Plan.Name,
            Seed = result.Plan.Seed,
            Start = result.Start,
            Duration = SimDuration.Format(result.Plan.Duration),
            Step = SimDuration.Format(result.Plan.Step),
            Steps = steps,
            Overall = Counts.OfSeries(overallSeries),
            Regions = regions,
            Fleets = result.Fleets.Select(f => new FleetCounts { Fleet = f.Fleet, Counts = Counts.OfTotals(f, steps) }).ToList(),
            Timeline = result.Timeline,
            RestartedFleets = result.RestartedFleets is [] ? null : result.RestartedFleets,
        };
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new RoundedDoubleConverter() },
    };

    /// <summary>Four decimals are plenty for a report and keep the file readable.</summary>
    private sealed class RoundedDoubleConverter : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) => writer.WriteNumberValue(Math.Round(value, 4));
    }
}

/// <summary>What happened over the day.</summary>
public sealed record Counts
{
    public long ConnectionAttempts { get; init; }
    public long SessionsStarted { get; init; }
    public long SessionsEnded { get; init; }
    public long RefusedForCapacity { get; init; }
    public int PeakSessions { get; init; }
    public double MeanSessions { get; init; }

    /// <summary>Instances in use over instances running, over the day (AppStream's CapacityUtilization), in percent.</summary>
    public double CapacityUtilization { get; init; }

    public static Counts OfSeries(IReadOnlyList<FleetSample> series)
    {
        long attempts = 0, started = 0, ended = 0, refused = 0, sessions = 0, inUse = 0, running = 0;
        var peak = 0;
        foreach (var sample in series)
        {
            attempts += sample.Attempts;
            started += sample.Started;
            ended += sample.Ended;
            refused += sample.Refused;
            sessions += sample.Sessions;
            inUse += sample.InUse;
            running += sample.Running;
            peak = Math.Max(peak, sample.Sessions);
        }

        return new Counts
        {
            ConnectionAttempts = attempts,
            SessionsStarted = started,
            SessionsEnded = ended,
            RefusedForCapacity = refused,
            PeakSessions = peak,
            MeanSessions = series.Count == 0 ? 0 : (double)sessions / series.Count,
            CapacityUtilization = running == 0 ? 0 : 100.0 * inUse / running,
        };
    }

    public static Counts OfTotals(FleetTotals totals, int steps) => new()
    {
        ConnectionAttempts = totals.Attempts,
        SessionsStarted = totals.Started,
        SessionsEnded = totals.Ended,
        RefusedForCapacity = totals.Refused,
        PeakSessions = totals.PeakSessions,
        MeanSessions = steps == 0 ? 0 : (double)totals.SessionSteps / steps,
        CapacityUtilization = totals.RunningSteps == 0 ? 0 : 100.0 * totals.InUseSteps / totals.RunningSteps,
    };
}

public sealed record RegionCounts
{
    public required string Region { get; init; }
    public required int Fleets { get; init; }
    public required Counts Counts { get; init; }
}

public sealed record FleetCounts
{
    public required string Fleet { get; init; }
    public required Counts Counts { get; init; }
}
