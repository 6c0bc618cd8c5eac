using RegionSim.Resources;
using RegionSim.Time;

namespace RegionSim.ImageBuilders;

/// <summary>
/// One image builder (key <c>region/account/name</c>): its lifecycle, what it holds (the Image Assistant
/// catalogue, the default user profile, Windows Update, antivirus and Windows Defender, the agent) and the
/// images made on it. Only its account reaches it by name, so those calls carry no caller; tag calls, which
/// name it by ARN, do.
/// </summary>
[Alias("RegionSim.ImageBuilders.IImageBuilderGrain")]
public interface IImageBuilderGrain : IScheduledGrain, ITaggedResourceGrain
{
    /// <summary>CreateImageBuilder: from an image the account may use for builders; PENDING, then RUNNING.</summary>
    [Alias("Create")]
    Task<CreateImageBuilderResponse> CreateAsync(CreateImageBuilderRequest request);

    /// <summary>The builder as DescribeImageBuilders shows it; ResourceNotFound when there is none.</summary>
    [Alias("Describe"), AlwaysInterleave]
    Task<ImageBuilder> DescribeAsync();

    /// <summary>StartImageBuilder: a STOPPED builder goes PENDING (then UPDATING_AGENT for a newer agent), then RUNNING.</summary>
    [Alias("Start")]
    Task<ImageBuilderResponse> StartAsync(StartImageBuilderRequest request);

    /// <summary>StopImageBuilder: a RUNNING builder goes STOPPING, then STOPPED.</summary>
    [Alias("Stop")]
    Task<ImageBuilderResponse> StopAsync();

    /// <summary>DeleteImageBuilder: a STOPPED (or FAILED) builder goes DELETING, then it is gone and its name free.</summary>
    [Alias("Delete")]
    Task<ImageBuilderResponse> DeleteAsync();

    /// <summary>CreateImageBuilderStreamingURL: connecting needs a RUNNING builder.</summary>
    [Alias("CreateStreamingUrl")]
    Task<CreateImageBuilderStreamingURLResponse> CreateStreamingUrlAsync(CreateImageBuilderStreamingURLRequest request);

    /// <summary>Someone opens the builder's streaming URL: a RUNNING builder takes the connection; answers the builder.</summary>
    [Alias("Connect")]
    Task<ImageBuilder> ConnectAsync();

    // Image Assistant, as its CLI operations run on the builder.

    [Alias("AddApplication")]
    Task<ImageAssistantResult> AddApplicationAsync(ApplicationConfig application);

    [Alias("RemoveApplication")]
    Task<ImageAssistantResult> RemoveApplicationAsync(string? name);

    [Alias("ListApplications"), AlwaysInterleave]
    Task<ImageAssistantResult> ListApplicationsAsync();

    /// <summary>Copies <paramref name="profile"/> (<c>domain\user</c>; the Template User when null) to the default user profile.</summary>
    [Alias("UpdateDefaultProfile")]
    Task<ImageAssistantResult> UpdateDefaultProfileAsync(string? profile);

    /// <summary>Deletes the Windows user profile of <paramref name="profile"/> (the Template User when null).</summary>
    [Alias("ResetUserProfile")]
    Task<ImageAssistantResult> ResetUserProfileAsync(string? profile);

    /// <summary>create-image: the builder SNAPSHOTTING then STOPPED, the image PENDING then AVAILABLE.</summary>
    [Alias("CreateImage")]
    Task<ImageAssistantResult> CreateImageAsync(ImageAssistantCreateImage request);

    // What a person connected to the builder does by hand (simulator operations, not AppStream API).

    /// <summary>What the builder holds now.</summary>
    [Alias("GetContents"), AlwaysInterleave]
    Task<ImageBuilderContents> GetContentsAsync();

    /// <summary>Installs software: files by absolute path, with their content (a manifest lists paths, one a line).</summary>
    [Alias("InstallFiles")]
    Task InstallFilesAsync(IReadOnlyDictionary<string, string> files);

    /// <summary>Turns the Windows Update service on or off.</summary>
    [Alias("SetWindowsUpdate")]
    Task SetWindowsUpdateAsync(bool enabled);

    /// <summary>Runs Windows Update: UPDATING, then REBOOTING, then RUNNING with the operating system up to date.</summary>
    [Alias("InstallWindowsUpdates")]
    Task InstallWindowsUpdatesAsync();

    /// <summary>Installs antivirus software; answers the AWS page's warning when automatic updates are on.</summary>
    [Alias("InstallAntivirus")]
    Task<IReadOnlyList<string>> InstallAntivirusAsync(Antivirus antivirus);

    /// <summary>Registry Editor: sets the DisableAntiSpyware policy value (0 or 1).</summary>
    [Alias("SetDisableAntiSpyware")]
    Task SetDisableAntiSpywareAsync(int value);

    /// <summary>Services snap-in: starts the Windows Defender Antivirus Service, which the DisableAntiSpyware policy 1 prevents.</summary>
    [Alias("StartWindowsDefenderService")]
    Task StartWindowsDefenderServiceAsync();

    /// <summary>Restarts Windows: REBOOTING, then RUNNING.</summary>
    [Alias("Reboot")]
    Task RebootAsync();
}
