using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using RegionSim.Silo.Hosting;

namespace RegionSim.Silo.Hosting;

/// <summary>What every RegionSim silo has, whatever hosts it (the silo program, an embedded silo, a test cluster).</summary>
public static class SiloBuilderExtensions
{
    public static ISiloBuilder AddRegionSim(this ISiloBuilder silo, RegionSimSiloOptions options)
    {
        silo.AddMemoryGrainStorage(StorageNames.Default);

        // Grain states are [GenerateSerializer] types: store them with Orleans' own serializer, which is
        // what their [Id]s are for, rather than the default JSON one (an order of magnitude slower).
        silo.Services.AddOptions<MemoryGrainStorageOptions>(StorageNames.Default)
            .Configure<Serializer>((options, serializer) => options.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
        silo.AddActivityPropagation();
        silo.Services.AddRegionSimGrains(options.StartOrNow(TimeProvider.System));
        return silo;
    }
}
