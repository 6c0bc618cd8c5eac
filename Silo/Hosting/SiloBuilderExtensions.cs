using System.Net;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using StackExchange.Redis;

namespace RegionSim.Silo.Hosting;

/// <summary>What every RegionSim silo has, whatever hosts it (the silo program, an embedded silo, a test cluster).</summary>
public static class SiloBuilderExtensions
{
    public static ISiloBuilder AddRegionSim(this ISiloBuilder silo, RegionSimSiloOptions options)
    {
        if (options.Storage == StorageMode.Redis)
        {
            silo.AddRedisGrainStorage(StorageNames.Default, redis => redis.ConfigurationOptions = ConfigurationOptions.Parse(options.Redis));
        }
        else
        {
            silo.AddMemoryGrainStorage(StorageNames.Default);

            // Grain states are [GenerateSerializer] types: keep them with Orleans' own serializer, which is
            // what their [Id]s are for, rather than the default JSON one (an order of magnitude slower).
            silo.Services.AddOptions<MemoryGrainStorageOptions>(StorageNames.Default)
                .Configure<Serializer>((memory, serializer) => memory.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
        }

        // Trace context crosses grain calls only when traces go somewhere: the propagation filter runs
        // on every call, and a load simulation makes millions of them.
        if (options.ExportsTelemetry)
        {
            silo.AddActivityPropagation();
        }

        silo.Services.AddRegionSimGrains(options.StartOrNow(TimeProvider.System));
        return silo;
    }

    /// <summary>How the silo finds the others: on its own on localhost, or through Redis.</summary>
    public static ISiloBuilder AddRegionSimClustering(this ISiloBuilder silo, RegionSimSiloOptions options)
    {
        if (options.Clustering == ClusteringMode.Localhost)
        {
            return silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
        }

        silo.UseRedisClustering(options.Redis);
        silo.Configure<ClusterOptions>(cluster =>
        {
            cluster.ClusterId = options.ClusterId;
            cluster.ServiceId = options.ServiceId;
        });
        silo.ConfigureEndpoints(IPAddress.Loopback, options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: false);

        // Where each grain is active is kept in Redis too. Orleans' own directory is spread over the silos'
        // memory, and a silo that dies takes its part with it: the survivors then deactivate the grains whose
        // entries it held, which would lose what those keep in memory (a load simulation's users) although
        // their silo lives. With the directory in Redis, a silo's death ends its own activations only.
        silo.UseRedisGrainDirectoryAsDefault(directory => directory.ConfigurationOptions = ConfigurationOptions.Parse(options.Redis));

        // A local cluster declares a dead silo dead within a few seconds rather than the default tens:
        // probes every second, two missed probes, and one vote suffice.
        silo.Configure<ClusterMembershipOptions>(membership =>
        {
            membership.ProbeTimeout = TimeSpan.FromSeconds(1);
            membership.NumMissedProbesLimit = 2;
            membership.NumVotesForDeathDeclaration = 1;
            membership.TableRefreshTimeout = TimeSpan.FromSeconds(2);
            membership.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
        });
        return silo;
    }
}
