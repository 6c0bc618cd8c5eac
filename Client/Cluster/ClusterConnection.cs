using System.CommandLine;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace RegionSim.Client.Cluster;

/// <summary>
/// How the command reaches a running silo or cluster: a gateway (<c>--gateway</c>), or every gateway
/// of a cluster found through Redis (<c>--redis</c>), with <c>--cluster-id</c> and <c>--service-id</c>;
/// and a connected Orleans client.
/// </summary>
public sealed class ClusterConnection
{
    public Option<string> Gateway { get; } = new("--gateway")
    {
        Description = "The silo gateway to connect to, host:port",
        DefaultValueFactory = _ => "127.0.0.1:30000",
    };

    public Option<string?> Redis { get; } = new("--redis")
    {
        Description = "Find the cluster's gateways through Redis (a connection string, e.g. 127.0.0.1:6379) instead of --gateway",
    };

    public Option<string> ClusterId { get; } = new("--cluster-id") { Description = "The Orleans cluster id", DefaultValueFactory = _ => "regionsim" };

    public Option<string> ServiceId { get; } = new("--service-id") { Description = "The Orleans service id", DefaultValueFactory = _ => "regionsim" };

    public void AddTo(Command command)
    {
        command.Options.Add(Gateway);
        command.Options.Add(Redis);
        command.Options.Add(ClusterId);
        command.Options.Add(ServiceId);
    }

    /// <summary>Starts an Orleans client connected to the cluster the options name.</summary>
    public Task<IHost> ConnectAsync(ParseResult options, CancellationToken cancellationToken)
    {
        var redis = options.GetValue(Redis);
        var gateway = redis is null ? ParseGateway(options.GetValue(Gateway)!) : null;
        return ConnectAsync(
            client =>
            {
                if (redis is null)
                {
                    client.UseStaticClustering(gateway!);
                }
                else
                {
                    client.UseRedisClustering(redis);
                }
            },
            options.GetValue(ClusterId)!,
            options.GetValue(ServiceId)!,
            cancellationToken);
    }

    /// <summary>Starts an Orleans client connected to a cluster whose gateways it finds through Redis.</summary>
    public static Task<IHost> ConnectThroughRedisAsync(string redis, string clusterId, string serviceId, CancellationToken cancellationToken) =>
        ConnectAsync(client => client.UseRedisClustering(redis), clusterId, serviceId, cancellationToken);

    private static async Task<IHost> ConnectAsync(Action<IClientBuilder> clustering, string clusterId, string serviceId, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // Standard output is the commands' answer (Image Assistant prints only its JSON there); logs go to standard error.
        builder.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.UseOrleansClient(client =>
        {
            clustering(client);
            client.Configure<Orleans.Configuration.ClusterOptions>(cluster =>
            {
                cluster.ClusterId = clusterId;
                cluster.ServiceId = serviceId;
            });
        });
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return host;
    }

    private static IPEndPoint ParseGateway(string gateway)
    {
        var parts = gateway.Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[1], out var port) || port is < 1 or > 65535)
        {
            throw new ArgumentException($"--gateway must be host:port, not '{gateway}'.");
        }

        var address = IPAddress.TryParse(parts[0], out var ip) ? ip : Dns.GetHostAddresses(parts[0]).First();
        return new IPEndPoint(address, port);
    }
}
