using System.Diagnostics;
using System.Globalization;
using RegionSim.Client.Cluster;

namespace RegionSim.Tests.Cluster;

/// <summary>
/// A redis-server of the tests' own, on a free loopback port, with nothing saved to disk.
/// scripts/test.sh installs redis-server; without it these tests fail and say so.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private Process? _process;

    public int Port { get; } = LocalCluster.FreePort();

    public string ConnectionString => $"127.0.0.1:{Port}";

    public async Task InitializeAsync()
    {
        var start = new ProcessStartInfo("redis-server")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            _process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            throw new InvalidOperationException("redis-server is not installed; run the suite with scripts/test.sh, which installs it.", error);
        }

        _process!.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var connection = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(ConnectionString);
                return;
            }
            catch (StackExchange.Redis.RedisConnectionException)
            {
                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException($"redis-server did not answer on {ConnectionString}.");
    }

    public Task DisposeAsync()
    {
        _process?.Kill();
        _process?.Dispose();
        return Task.CompletedTask;
    }
}
