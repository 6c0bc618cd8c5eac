using System.Diagnostics;
using System.Text;
using RegionSim.Silo.Authentication;

namespace RegionSim.Client.Bench;

/// <summary>
/// A closed-loop load client: <c>concurrency</c> callers, each sending its next request as soon as the
/// last is answered, over keep-alive connections to loopback, every request signed with SigV4 as an
/// SDK signs it (once per request).
/// </summary>
public sealed class LoadClient(int concurrency) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = concurrency,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        UseProxy = false,
        AllowAutoRedirect = false,
    });

    /// <summary>Calls <paramref name="operation"/> with <paramref name="body"/> on <paramref name="endpoint"/> for <paramref name="duration"/>.</summary>
    public async Task<LoadResult> RunAsync(Uri endpoint, SigV4Signer signer, string operation, string body, TimeSpan duration)
    {
        var payload = Encoding.UTF8.GetBytes(body);
        var target = $"PhotonAdminProxyService.{operation}";
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var workers = Enumerable.Range(0, concurrency).Select(caller => Task.Run(async () =>
        {
            var latencies = new List<long>(1 << 14);
            var failures = 0;
            string? firstFailure = null;
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var sent = Stopwatch.GetTimestamp();
                using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(payload) };
                request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-amz-json-1.1");
                request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
                signer.Sign(request, payload, DateTimeOffset.UtcNow);
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                _ = await response.Content.ReadAsByteArrayAsync();
                if (!response.IsSuccessStatusCode)
                {
                    failures++;
                    firstFailure ??= $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                }

                latencies.Add(Stopwatch.GetTimestamp() - sent);
            }

            return (latencies, failures, firstFailure);
        })).ToList();
        var results = await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var all = results.SelectMany(r => r.latencies).Order().ToArray();
        return new LoadResult(
            all.Length,
            results.Sum(r => r.failures),
            results.Select(r => r.firstFailure).FirstOrDefault(f => f is not null),
            elapsed,
            Percentile(all, 0.50),
            Percentile(all, 0.99),
            all.Length == 0 ? TimeSpan.Zero : cpu / all.Length);
    }

    public void Dispose() => _http.Dispose();

    private static TimeSpan Percentile(long[] sorted, double p) =>
        sorted.Length == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))] / (double)Stopwatch.Frequency);
}

/// <summary>What one load run achieved; <see cref="CpuPerRequest"/> is this process's CPU time (client and servers) per request.</summary>
public sealed record LoadResult(int Requests, int Failures, string? FirstFailure, TimeSpan Elapsed, TimeSpan P50, TimeSpan P99, TimeSpan CpuPerRequest)
{
    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;
}
