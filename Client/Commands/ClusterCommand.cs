using System.CommandLine;
using RegionSim.Client.Cluster;
using Spectre.Console;

namespace RegionSim.Client.Commands;

/// <summary><c>regionsim cluster up</c>: a cluster of silo processes on this machine, joined through Redis.</summary>
public static class ClusterCommand
{
    public static Command Create()
    {
        var cluster = new Command("cluster", "Run a local Orleans cluster of RegionSim silos");
        cluster.Subcommands.Add(Up());
        return cluster;
    }

    private static Command Up()
    {
        var silos = new Option<int>("--silos") { Description = "How many silos", DefaultValueFactory = _ => 3 };
        var redis = new Option<string>("--redis") { Description = "Redis connection string for membership (and storage)", DefaultValueFactory = _ => "127.0.0.1:6379" };
        var storage = new Option<string>("--storage") { Description = "Grain state: redis (survives a silo) or memory", DefaultValueFactory = _ => "redis" };
        storage.AcceptOnlyFromAmong("redis", "memory");
        var clusterId = new Option<string>("--cluster-id") { Description = "The Orleans cluster id", DefaultValueFactory = _ => "regionsim" };
        var serviceId = new Option<string>("--service-id")
        {
            Description = "The Orleans service id, under which grain state is kept in Redis: the same one finds the world an earlier cluster stored, a new one starts empty",
            DefaultValueFactory = _ => "regionsim",
        };
        var siloPort = new Option<int>("--silo-port") { Description = "Silo-to-silo port of the first silo (the others follow)", DefaultValueFactory = _ => 11111 };
        var gatewayPort = new Option<int>("--gateway-port") { Description = "Gateway port of the first silo", DefaultValueFactory = _ => 30000 };
        var httpPort = new Option<int>("--http-port") { Description = "HTTP (AppStream endpoint) port of the first silo", DefaultValueFactory = _ => 4599 };
        var command = new Command("up", "Start silos that form one cluster through Redis, each with its AppStream endpoint; Ctrl+C stops them all (silo options such as --clock manual or --dashboard are passed on)")
        {
            silos, redis, storage, clusterId, serviceId, siloPort, gatewayPort, httpPort,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, cancellationToken) =>
        {
            var count = result.GetValue(silos);
            if (count is < 1 or > 16)
            {
                await Console.Error.WriteLineAsync("regionsim cluster up: --silos must be between 1 and 16.");
                return 2;
            }

            var options = new LocalClusterOptions
            {
                Silos = count,
                Redis = result.GetValue(redis)!,
                Storage = result.GetValue(storage)!,
                ClusterId = result.GetValue(clusterId)!,
                ServiceId = result.GetValue(serviceId)!,
                BaseSiloPort = result.GetValue(siloPort),
                BaseGatewayPort = result.GetValue(gatewayPort),
                BaseHttpPort = result.GetValue(httpPort),
                SiloArguments = [.. result.UnmatchedTokens],
                LogDirectory = Path.Combine(".regionsim", "cluster", result.GetValue(clusterId)!),
            };
            await using var local = await LocalCluster.StartAsync(options, cancellationToken);
            var table = new Table().AddColumns("Silo", "Silo port", "Gateway", "AppStream endpoint", "Log");
            foreach (var silo in local.Silos)
            {
                table.AddRow($"{silo.Index}", $"{silo.SiloPort}", silo.Gateway, silo.HttpUrl, Path.Combine(options.LogDirectory, $"silo-{silo.Index}.log"));
            }

            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"Cluster [bold]{Markup.Escape(options.ClusterId)}[/] is up; clients find it with [bold]--redis {Markup.Escape(options.Redis)} --cluster-id {Markup.Escape(options.ClusterId)} --service-id {Markup.Escape(options.ServiceId)}[/]. Ctrl+C stops it.");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                AnsiConsole.MarkupLine("Stopping the silos.");
            }

            return 0;
        });
        return command;
    }
}
