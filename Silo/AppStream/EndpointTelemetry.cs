using System.Diagnostics.Metrics;
using RegionSim.Telemetry;

namespace RegionSim.Silo.AppStream;

/// <summary>The endpoint's counter, on RegionSim's meter: requests by operation and outcome.</summary>
internal static class EndpointTelemetry
{
    private static readonly Counter<long> Requests = RegionSimTelemetry.Meter.CreateCounter<long>(
        "regionsim.appstream.requests", "{request}", "AppStream API requests, by operation and error type (none when answered)");

    public static void Record(AppStreamOperations operations, HttpRequest request, AppStreamAnswer answer)
    {
        if (!Requests.Enabled)
        {
            return;
        }

        // Only names the endpoint serves become tag values: clients can send any target.
        string? target = request.Headers["X-Amz-Target"];
        var operation = target?.StartsWith(AppStreamEndpoint.TargetPrefix, StringComparison.Ordinal) == true
            && operations.TryFind(target.AsSpan(AppStreamEndpoint.TargetPrefix.Length), out var found) ? found.Name : "unknown";
        Requests.Add(1,
            new KeyValuePair<string, object?>("operation", operation),
            new KeyValuePair<string, object?>("error", answer.ErrorType ?? "none"));
    }
}
