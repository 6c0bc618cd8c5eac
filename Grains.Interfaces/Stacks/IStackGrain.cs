using RegionSim.Fleets;
using RegionSim.Resources;
using RegionSim.Sessions;

namespace RegionSim.Stacks;

/// <summary>
/// A stack (key <c>region/account/name</c>): its settings, the fleet associated with it, streaming URLs,
/// and the profile settings its users keep with application settings persistence.
/// </summary>
[Alias("RegionSim.Stacks.IStackGrain")]
public interface IStackGrain : ITaggedResourceGrain
{
    [Alias("Create")]
    Task<CreateStackResponse> CreateAsync(CreateStackRequest request);

    [Alias("Update")]
    Task<UpdateStackResponse> UpdateAsync(UpdateStackRequest request);

    /// <summary>DeleteStack: refused while a fleet is associated.</summary>
    [Alias("Delete")]
    Task DeleteAsync();

    [Alias("Describe"), AlwaysInterleave]
    Task<Stack> DescribeAsync();

    /// <summary>AssociateFleet: the stack takes the fleet (one fleet per stack) and tells the fleet.</summary>
    [Alias("AssociateFleet")]
    Task AssociateFleetAsync(AssociateFleetRequest request);

    /// <summary>DisassociateFleet: refused while sessions from this stack are in progress on the fleet.</summary>
    [Alias("DisassociateFleet")]
    Task DisassociateFleetAsync(DisassociateFleetRequest request);

    [Alias("ListAssociatedFleets"), AlwaysInterleave]
    Task<ListAssociatedNamesResponse> ListAssociatedFleetsAsync(ListAssociatedFleetsRequest request);

    /// <summary>CreateStreamingURL: the fleet must be the one associated with the stack, and RUNNING.</summary>
    [Alias("CreateStreamingUrl")]
    Task<CreateStreamingURLResponse> CreateStreamingUrlAsync(CreateStreamingURLRequest request);

    /// <summary>For a fleet whose user connects: is the stack associated with it, and what does it keep for the user.</summary>
    [Alias("GetSessionSetup"), AlwaysInterleave]
    Task<SessionSetup> GetSessionSetupAsync(string fleetName, string userId);

    /// <summary>Keeps the profile settings of users whose sessions ended (sent by the fleet, in batches).</summary>
    [Alias("SaveProfiles"), AlwaysInterleave]
    Task SaveProfilesAsync(IReadOnlyList<ProfileSave> profiles);

    /// <summary>The profile settings the stack keeps for a user (simulator-level read).</summary>
    [Alias("GetPersistedProfile"), AlwaysInterleave]
    Task<IReadOnlyDictionary<string, string>> GetPersistedProfileAsync(string userId);
}
