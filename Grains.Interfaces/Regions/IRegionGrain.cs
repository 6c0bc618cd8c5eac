using RegionSim.Images;

namespace RegionSim.Regions;

/// <summary>An AppStream region (key: the region code): its public base-image catalogue and its instance capacity.</summary>
[Alias("RegionSim.Regions.IRegionGrain")]
public interface IRegionGrain : IGrainWithStringKey
{
    [Alias("ListBaseImages"), AlwaysInterleave]
    Task<IReadOnlyList<BaseImage>> ListBaseImagesAsync();

    /// <summary>The public base image of that name, or null.</summary>
    [Alias("FindBaseImage"), AlwaysInterleave]
    Task<BaseImage?> FindBaseImageAsync(string name);

    /// <summary>The public images as DescribeImages shows them.</summary>
    [Alias("DescribePublicImages"), AlwaysInterleave]
    Task<IReadOnlyList<Image>> DescribePublicImagesAsync();

    /// <summary>
    /// Leases instance slots, deciding each request in the order given: all of it, part of it (what the
    /// region has left of that instance type), or none. Answers the counts granted, request by request.
    /// </summary>
    [Alias("LeaseInstances"), AlwaysInterleave]
    Task<IReadOnlyList<int>> LeaseInstancesAsync(IReadOnlyList<InstanceLease> requests);

    /// <summary>
    /// Gives <paramref name="returns"/> back, then decides <paramref name="leases"/> in the order given (as
    /// <see cref="LeaseInstancesAsync"/>): one call and one write for many fleets at once.
    /// </summary>
    [Alias("ExchangeInstances")]
    Task<IReadOnlyList<int>> ExchangeInstancesAsync(IReadOnlyList<InstanceLease> returns, IReadOnlyList<InstanceLease> leases);

    /// <summary>Gives leased slots back.</summary>
    [Alias("ReturnInstances"), AlwaysInterleave]
    Task ReturnInstancesAsync(IReadOnlyList<InstanceLease> returns);

    /// <summary>
    /// A holder that may have lost a grant or a return on the way (a silo died) says how many slots it holds
    /// (<paramref name="holding"/>) and how many more it wants. Slots the region counts beyond what the holder
    /// holds were granted and never arrived: the holder gets up to <paramref name="wanted"/> of them (answered),
    /// the rest come back to the region; slots the holder holds beyond the region's count are counted in.
    /// </summary>
    [Alias("SettleSlots"), AlwaysInterleave]
    Task<int> SettleSlotsAsync(InstanceLease holding, int wanted);

    /// <summary>Sets how many instances of <paramref name="instanceType"/> the region can run at once (null: the default, <c>RegionGrain.DefaultInstanceLimit</c>).</summary>
    [Alias("SetInstanceLimit")]
    Task SetInstanceLimitAsync(string instanceType, int? limit);

    [Alias("GetInstanceCapacity"), AlwaysInterleave]
    Task<InstanceCapacity> GetInstanceCapacityAsync(string instanceType);
}
