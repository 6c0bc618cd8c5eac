using RegionSim.Silo.Hosting;

namespace RegionSim.Silo.Hosting;

/// <summary>What every RegionSim silo has, whatever hosts it (the silo program, an embedded silo, a test cluster).</summary>
public static class SiloBuilderExtensions
{
    public static ISiloBuilder AddRegionSim(this ISiloBuilder silo, RegionSimSiloOptions options)
    {
        silo.AddMemoryGrainStorage(StorageNames.Default);
        silo.AddActivityPropagation();
        silo.Services.AddRegionSimGrains(options.StartOrNow(TimeProvider.System));
        return silo;
    }
}
