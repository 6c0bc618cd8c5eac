using System.Text.Json;
using RegionSim.Silo.Hosting;
using RegionSim.Time;

namespace RegionSim.Silo.Control;

/// <summary>
/// The simulator's own endpoints under <c>/_regionsim/</c>: <c>health</c> for anyone; the clock for the
/// local operator only (<see cref="OperatorTokenFilter"/>).
/// </summary>
public static class ControlEndpoints
{
    public const string Prefix = "/_regionsim";

    /// <summary>The most one advance may move the clock: ten years of simulated time.</summary>
    public const double MaxAdvanceSeconds = 10 * 365.25 * 24 * 3600;

    public static IEndpointRouteBuilder MapRegionSimControl(this IEndpointRouteBuilder routes, RegionSimSiloOptions options)
    {
        var control = routes.MapGroup(Prefix);
        control.MapGet("/health", () => Results.Ok(new { status = "ok" }));

        var operatorOnly = control.MapGroup("").AddEndpointFilter(new OperatorTokenFilter(options.OperatorToken));
        operatorOnly.MapGet("/clock", async (IGrainFactory grains) => Results.Ok(await ClockAsync(grains, options, null)));
        operatorOnly.MapPost("/clock/advance", (HttpRequest request, IGrainFactory grains) => AdvanceAsync(request, grains, options));
        return routes;
    }

    /// <summary><c>{"seconds": n}</c> moves the manual clock on and answers once everything due by then has happened.</summary>
    private static async Task<IResult> AdvanceAsync(HttpRequest request, IGrainFactory grains, RegionSimSiloOptions options)
    {
        if (options.Clock != ClockMode.Manual)
        {
            return ControlError.Result(StatusCodes.Status409Conflict, "ClockNotManual",
                "This silo runs the real-time clock (--clock realtime), which moves simulated time by itself; start the silo with --clock manual to advance time through /_regionsim/clock/advance.");
        }

        if (request.ContentLength > 64 * 1024)
        {
            return ControlError.Result(StatusCodes.Status413PayloadTooLarge, "TooLarge", "The body of /_regionsim/clock/advance is {\"seconds\": n}; this one is over 64 KiB.");
        }

        double seconds;
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            if (body.RootElement.ValueKind != JsonValueKind.Object
                || !body.RootElement.TryGetProperty("seconds", out var value)
                || value.ValueKind != JsonValueKind.Number
                || !value.TryGetDouble(out seconds))
            {
                return ControlError.Result(StatusCodes.Status400BadRequest, "InvalidRequest", "The body must be {\"seconds\": n}, n a number of simulated seconds.");
            }
        }
        catch (JsonException error)
        {
            return ControlError.Result(StatusCodes.Status400BadRequest, "InvalidRequest", $"The body must be JSON {{\"seconds\": n}}: {error.Message}");
        }

        if (!double.IsFinite(seconds) || seconds is < 0 or > MaxAdvanceSeconds)
        {
            return ControlError.Result(StatusCodes.Status400BadRequest, "InvalidRequest",
                $"'seconds' must be between 0 and {MaxAdvanceSeconds} (ten years); simulated time never goes back. Got {seconds}.");
        }

        var now = await grains.GetGrain<ISimulationClockGrain>(ISimulationClockGrain.Key).AdvanceByAsync(TimeSpan.FromSeconds(seconds));
        return Results.Ok(await ClockAsync(grains, options, now));
    }

    private static async Task<ClockView> ClockAsync(IGrainFactory grains, RegionSimSiloOptions options, DateTimeOffset? now)
    {
        now ??= await grains.GetGrain<ISimulationClockGrain>(ISimulationClockGrain.Key).GetNowAsync();
        return options.Clock == ClockMode.Manual
            ? new ClockView(now.Value.ToUnixTimeMilliseconds() / 1000m, "manual", 0)
            : new ClockView(now.Value.ToUnixTimeMilliseconds() / 1000m, "realtime", options.Speedup);
    }

    /// <summary>The simulated time in epoch seconds, the clock's mode, and simulated seconds per wall second (0 with the manual clock).</summary>
    private sealed record ClockView(decimal Now, string Mode, double Speedup);
}
