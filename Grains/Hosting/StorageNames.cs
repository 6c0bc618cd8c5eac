namespace RegionSim;

/// <summary>The grain storage providers the grains use; the silo decides what backs them (memory or Redis).</summary>
public static class StorageNames
{
    public const string Default = "regionsim";
}
