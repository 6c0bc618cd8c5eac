using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace RegionSim.Client.Cluster;

/// <summary>
/// Silo processes on this machine that form one cluster through Redis: started, watched, killed one by
/// one for fault tests, and stopped together.
/// </summary>
public sealed class LocalCluster : IAsyncDisposable
{
    private readonly List<LocalSilo> _silos = [];

    private LocalCluster(LocalClusterOptions options) => Options = options;

    public LocalClusterOptions Options { get; }

    public IReadOnlyList<LocalSilo> Silos => _silos;

    /// <summary>Starts the silos and answers once every one serves HTTP (it has joined the cluster).</summary>
    public static async Task<LocalCluster> StartAsync(LocalClusterOptions options, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(options.LogDirectory);
        var cluster = new LocalCluster(options);
        try
        {
            for (var index = 0; index < options.Silos; index++)
            {
                cluster._silos.Add(cluster.StartSilo(index));
            }

            await Task.WhenAll(cluster._silos.Select(silo => silo.WaitUntilServingAsync(options.StartTimeout, cancellationToken)));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills a silo as a crash would (SIGKILL): no shutdown, no goodbye to the cluster.</summary>
    public void Kill(int index) => _silos[index].Process.Kill(entireProcessTree: true);

    /// <summary>Stops every silo that is still running: asks it to shut down (SIGTERM), then kills what is left.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos.Where(s => !s.Process.HasExited))
        {
            _ = Signals.Terminate(silo.Process.Id);
        }

        foreach (var silo in _silos)
        {
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await silo.Process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                silo.Process.Kill(entireProcessTree: true);
                await silo.Process.WaitForExitAsync();
            }

            silo.Process.Dispose();
            await silo.Log.DisposeAsync();
        }
    }

    private LocalSilo StartSilo(int index)
    {
        var ports = Options.Ports?[index] ?? new SiloPorts(Options.BaseSiloPort + index, Options.BaseGatewayPort + index, Options.BaseHttpPort + index);
        var silo = new LocalSilo(index, ports.Silo, ports.Gateway, $"http://127.0.0.1:{ports.Http}");
        string[] arguments =
        [
            Path.Combine(AppContext.BaseDirectory, "RegionSim.Silo.dll"),
            "--clustering", "redis",
            "--redis", Options.Redis,
            "--storage", Options.Storage,
            "--cluster-id", Options.ClusterId,
            "--service-id", Options.ServiceId,
            "--silo-port", silo.SiloPort.ToString(CultureInfo.InvariantCulture),
            "--gateway-port", silo.GatewayPort.ToString(CultureInfo.InvariantCulture),
            "--http-url", silo.HttpUrl,
            .. Options.SiloArguments,
        ];
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var log = TextWriter.Synchronized(new StreamWriter(Path.Combine(Options.LogDirectory, $"silo-{index}.log")) { AutoFlush = true });
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start a silo process.");
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) log.WriteLine(line.Data); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) log.WriteLine(line.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo with { Process = process, Log = log };
    }

    /// <summary>A free TCP port on the loopback interface, for tests that must not collide with each other.</summary>
    public static int FreePort() => FreePorts(1)[0];

    /// <summary>
    /// Distinct free TCP ports on the loopback interface, all held until the last is found (ports found one by
    /// one, or a base port and its neighbours, may collide).
    /// </summary>
    public static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(System.Net.IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(listener => listener.Start());
            return listeners.Select(listener => ((System.Net.IPEndPoint)listener.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            listeners.ForEach(listener => listener.Stop());
        }
    }

    /// <summary>Ports of their own for each of <paramref name="silos"/> silos.</summary>
    public static IReadOnlyList<SiloPorts> FreeSiloPorts(int silos)
    {
        var ports = FreePorts(silos * 3);
        return Enumerable.Range(0, silos).Select(i => new SiloPorts(ports[3 * i], ports[(3 * i) + 1], ports[(3 * i) + 2])).ToList();
    }
}

public sealed record LocalSilo(int Index, int SiloPort, int GatewayPort, string HttpUrl)
{
    public Process Process { get; init; } = null!;

    /// <summary>Where the silo's output goes; it stays open until the process and its output have ended.</summary>
    public TextWriter Log { get; init; } = TextWriter.Null;

    public string Gateway => $"127.0.0.1:{GatewayPort}";

    public async Task WaitUntilServingAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Process.HasExited)
            {
                throw new InvalidOperationException($"Silo {Index} exited with code {Process.ExitCode} while starting.");
            }

            try
            {
                if ((await http.GetAsync($"{HttpUrl}/_regionsim/health", cancellationToken)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception error) when (error is HttpRequestException || (error is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // Not listening yet, or too busy starting to answer in time.
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException($"Silo {Index} did not serve {HttpUrl} within {timeout.TotalSeconds} s.");
    }
}

/// <summary>Where one silo listens: silo-to-silo, gateway (clients), HTTP (the AppStream endpoint).</summary>
public sealed record SiloPorts(int Silo, int Gateway, int Http);

public sealed record LocalClusterOptions
{
    public int Silos { get; init; } = 3;
    public string Redis { get; init; } = "127.0.0.1:6379";
    public string Storage { get; init; } = "redis";
    public string ClusterId { get; init; } = "regionsim";
    public string ServiceId { get; init; } = "regionsim";
    public int BaseSiloPort { get; init; } = 11111;
    public int BaseGatewayPort { get; init; } = 30000;
    public int BaseHttpPort { get; init; } = 4599;

    /// <summary>Each silo's ports; when absent, the base ports plus the silo's index.</summary>
    public IReadOnlyList<SiloPorts>? Ports { get; init; }
    public IReadOnlyList<string> SiloArguments { get; init; } = [];
    public string LogDirectory { get; init; } = Path.Combine(".regionsim", "cluster");
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
