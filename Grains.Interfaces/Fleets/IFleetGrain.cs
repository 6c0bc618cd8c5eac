using RegionSim.Resources;
using RegionSim.Time;

namespace RegionSim.Fleets;

/// <summary>
/// A fleet (key <c>region/account/name</c>): its lifecycle, its non-persistent instances and their
/// capacity, the image it uses. Its sessions (<see cref="Sessions.IFleetSessionsGrain"/>) and its
/// scaling (<see cref="Scaling.IFleetScalingGrain"/>) are facets of the same grain; it keeps its tags.
/// </summary>
[Alias("RegionSim.Fleets.IFleetGrain")]
public interface IFleetGrain : IScheduledGrain, ITaggedResourceGrain
{
    /// <summary>CreateFleet: the new fleet is STOPPED; its image must be one the account may use for fleets.</summary>
    [Alias("Create")]
    Task<CreateFleetResponse> CreateAsync(CreateFleetRequest request);

    /// <summary>
    /// UpdateFleet. A STOPPED fleet may change anything but its name and type; a RUNNING ALWAYS_ON or
    /// ON_DEMAND fleet only DisplayName, ComputeCapacity, ImageName/ImageArn and the two timeouts; a RUNNING
    /// ELASTIC fleet only DisplayName, the timeouts, MaxConcurrentSessions, SessionScriptS3Location and
    /// UsbDeviceFilterStrings; a STARTING or STOPPING fleet nothing. Naming an image the account may use
    /// lifts a revocation of the fleet's image (see <see cref="RevokeImageAccessAsync"/>).
    /// </summary>
    [Alias("Update")]
    Task<UpdateFleetResponse> UpdateAsync(UpdateFleetRequest request);

    /// <summary>DeleteFleet: refused unless the fleet is STOPPED and associated with no stack.</summary>
    [Alias("Delete")]
    Task DeleteAsync();

    [Alias("Describe"), AlwaysInterleave]
    Task<Fleet> DescribeAsync();

    /// <summary>
    /// The account's DescribeFleets asks: the fleet's view now, and a watch of <paramref name="lease"/> (wall
    /// time): until it lapses, the fleet tells its account each change of its view before the call that made
    /// it returns (<see cref="Accounts.IAccountGrain.UpdateFleetViewAsync"/>), so the account answers from the
    /// view. A fleet a load simulation drives is not watched (its view changes at every step). Refused with
    /// ResourceNotFound when the fleet does not exist.
    /// </summary>
    [Alias("Watch"), AlwaysInterleave]
    Task<FleetView> WatchAsync(TimeSpan lease);

    /// <summary>StartFleet: answers with the fleet already STARTING; RUNNING once the fleet start time has passed.</summary>
    [Alias("Start")]
    Task StartAsync();

    /// <summary>StopFleet: answers with the fleet already STOPPING; sessions end, instances go; STOPPED once the fleet stop time has passed.</summary>
    [Alias("Stop")]
    Task StopAsync();

    [Alias("ListAssociatedStacks"), AlwaysInterleave]
    Task<ListAssociatedNamesResponse> ListAssociatedStacksAsync(ListAssociatedStacksRequest request);

    /// <summary>The stack that decided an association tells its fleet.</summary>
    [Alias("AssociateStack")]
    Task AssociateStackAsync(string stackName);

    [Alias("DisassociateStack")]
    Task DisassociateStackAsync(string stackName);

    /// <summary>
    /// The image's owner revoked this account's permission to use <paramref name="image"/> for fleets. If
    /// it is this fleet's image: desired capacity 0 at once, available instances terminated, sessions in
    /// progress left to end on their own (their instances then go, not replaced), and capacity stays 0 until
    /// the fleet is updated with an image the account may use.
    /// </summary>
    [Alias("RevokeImageAccess")]
    Task RevokeImageAccessAsync(ResourceKey image);
}
