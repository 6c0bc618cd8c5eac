using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using RegionSim.Accounts;
using RegionSim.Errors;
using RegionSim.Images;
using RegionSim.Fleets;
using RegionSim.Network;
using RegionSim.Stacks;
using RegionSim.Regions;
using RegionSim.Resources;
using RegionSim.Sessions;
using RegionSim.Telemetry;
using RegionSim.Time;
using RegionSim.Validation;
using RegionSim.Wire;

namespace RegionSim.ImageBuilders;

/// <summary>
/// One image builder: its lifecycle on the simulated clock, what it holds, and the images made on it.
/// Actions follow the states AWS allows them in: Start and Delete need STOPPED (Delete also FAILED), Stop
/// and connecting need RUNNING, and nothing is possible while the builder is between states.
/// </summary>
public sealed partial class ImageBuilderGrain(
    [PersistentState("imageBuilder", StorageNames.Default)] IPersistentState<ImageBuilderGrainState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time,
    SimulationClock clock) : Grain, IImageBuilderGrain
{
    public const long DefaultStreamingUrlValidity = 3600;

    private static readonly string[] LocalUsers = [@".\Administrator", @".\Template User", @".\Test User"];

    private ResourceKey _key;

    private ImageBuilderGrainState Builder => state.State;
    private string Arn => _key.Arn(ResourceKind.ImageBuilder);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _key = ResourceKey.Parse(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    async Task<CreateImageBuilderResponse> IImageBuilderGrain.CreateAsync(CreateImageBuilderRequest request)
    {
        using var activity = RegionSimTelemetry.Source.StartActivity("CreateImageBuilder");
        if (Check.Name(request.Name, nameof(request.Name)) != _key.Name)
        {
            throw new ArgumentException($"The request names {request.Name}, but this is the image builder {_key.Name}.", nameof(request));
        }

        if (Builder.Exists)
        {
            throw AlreadyExists();
        }

        var instanceType = Check.OneOf(request.InstanceType, ImageBuilderInstanceTypes.All, nameof(request.InstanceType));
        Check.MaxLength(request.Description, 256, nameof(request.Description));
        Check.MaxLength(request.DisplayName, 100, nameof(request.DisplayName));
        CheckNetwork(request);
        Check.Tags(request.Tags, nameof(request.Tags));

        var account = GrainFactory.GetGrain<IAccountGrain>(_key.Owner);
        var imageKey = await account.ResolveImageAsync(_key.Region, request.ImageName, request.ImageArn);
        var source = await GrainFactory.GetImage(imageKey).UseForImageBuilderAsync(_key.Owner);
        var now = time.GetUtcNow();
        var agent = ChooseAgent(request.AppstreamAgentVersion, source.AgentVersion, source.AlwaysLatestAgent, now);
        activity?.SetTag("regionsim.image", imageKey.Arn(ResourceKind.Image));

        await account.ReserveNameAsync(_key.Region, ResourceKind.ImageBuilder, _key.Name);
        state.State = new ImageBuilderGrainState
        {
            Exists = true,
            ImageArn = imageKey.Arn(ResourceKind.Image),
            Source = source,
            Description = request.Description,
            DisplayName = request.DisplayName,
            InstanceType = instanceType,
            VpcConfig = request.VpcConfig,
            IamRoleArn = request.IamRoleArn,
            EnableDefaultInternetAccess = request.EnableDefaultInternetAccess,
            DomainJoinInfo = request.DomainJoinInfo,
            AccessEndpoints = request.AccessEndpoints,
            RootVolumeConfig = request.RootVolumeConfig,
            DisableIMDSV1 = request.DisableIMDSV1,
            Tags = request.Tags?.ToDictionary(StringComparer.Ordinal) ?? new(StringComparer.Ordinal),
            CreatedTime = now,
            State = ImageBuilderState.Pending,
            TransitionDue = now + clock.Timings.ImageBuilderLaunch,
            AgentVersion = source.AgentVersion,
            TargetAgentVersion = agent,
            Applications = source.Applications.Select(FromImage).ToList(),
            LocalProfiles = BuilderFileSystem.IsWindowsPlatform(source.Platform)
                ? new HashSet<string>(LocalUsers, StringComparer.OrdinalIgnoreCase)
                : new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            WindowsUpdateEnabled = source.WindowsUpdateEnabled,
            Antivirus = source.Antivirus,
            Defender = source.WindowsDefender switch
            {
                WindowsDefenderDefault.Enabled => new WindowsDefender { Included = true, DisableAntiSpyware = 0, ServiceRunning = true },
                WindowsDefenderDefault.Disabled => new WindowsDefender { Included = true, DisableAntiSpyware = 1, ServiceRunning = false },
                _ => new WindowsDefender(),
            },
            OperatingSystemUpdatedOn = source.OperatingSystemUpdatedOn ?? source.PublicBaseImageReleasedDate,
            InstalledFiles = source.InstalledFiles?.ToDictionary(StringComparer.Ordinal) ?? new(StringComparer.Ordinal),
        };
        var created = View();
        await TransitionWhenDueAsync(now);
        RegionSimTelemetry.ImageBuildersLaunched.Add(1);
        return new CreateImageBuilderResponse { ImageBuilder = created };
    }

    Task<ImageBuilder> IImageBuilderGrain.DescribeAsync() => Task.FromResult(RequireExisting().View());

    async Task<ImageBuilderResponse> IImageBuilderGrain.StartAsync(StartImageBuilderRequest request)
    {
        Check.MaxLength(Check.MinLength(request.AppstreamAgentVersion, 1, "AppstreamAgentVersion"), 100, "AppstreamAgentVersion");
        RequireState("started", ImageBuilderState.Stopped);
        var now = time.GetUtcNow();
        Builder.TargetAgentVersion = ChooseAgent(request.AppstreamAgentVersion, Builder.AgentVersion, alwaysLatest: false, now);
        return await EnterAsync(ImageBuilderState.Pending, clock.Timings.ImageBuilderStart, now);
    }

    Task<ImageBuilderResponse> IImageBuilderGrain.StopAsync()
    {
        RequireState("stopped", ImageBuilderState.Running);
        return EnterAsync(ImageBuilderState.Stopping, clock.Timings.ImageBuilderStop, time.GetUtcNow());
    }

    Task<ImageBuilderResponse> IImageBuilderGrain.DeleteAsync()
    {
        RequireState("deleted", ImageBuilderState.Stopped, ImageBuilderState.Failed);
        return EnterAsync(ImageBuilderState.Deleting, clock.Timings.ImageBuilderDeletion, time.GetUtcNow());
    }

    async Task<CreateImageBuilderStreamingURLResponse> IImageBuilderGrain.CreateStreamingUrlAsync(CreateImageBuilderStreamingURLRequest request)
    {
        var validity = Check.Range(request.Validity, 1, 604_800, nameof(request.Validity)) ?? DefaultStreamingUrlValidity;
        RequireStreamable();
        var expires = time.GetUtcNow().AddSeconds(validity);
        var token = StreamingUrls.NewToken();
        await GrainFactory.GetGrain<IStreamingUrlGrain>(token).IssueForImageBuilderAsync(_key, expires);
        return new CreateImageBuilderStreamingURLResponse { StreamingURL = StreamingUrls.Create(_key.Region, token), Expires = expires };
    }

    Task<ImageBuilder> IImageBuilderGrain.ConnectAsync()
    {
        RequireStreamable();
        return Task.FromResult(View());
    }

    /// <summary>Streaming to a builder needs it RUNNING; CreateImageBuilderStreamingURL models only OperationNotPermitted for the rest.</summary>
    private void RequireStreamable()
    {
        RequireExisting();
        if (Builder.State != ImageBuilderState.Running)
        {
            throw AppStreamException.NotPermitted($"Image builder {_key.Name} is {WireNames.Of(Builder.State)}; it can be connected to when it is RUNNING.");
        }
    }

    async Task ITaggedResourceGrain.TagAsync(string callerAccountId, IReadOnlyDictionary<string, string> tags)
    {
        ResourceTags.CheckTags(tags);
        RequireOwnedBy(callerAccountId);
        ResourceTags.Add(Builder.Tags, tags, $"Image builder {_key.Name}");
        await state.WriteStateAsync();
    }

    async Task ITaggedResourceGrain.UntagAsync(string callerAccountId, IReadOnlyList<string> tagKeys)
    {
        ResourceTags.CheckKeys(tagKeys);
        RequireOwnedBy(callerAccountId);
        if (ResourceTags.Remove(Builder.Tags, tagKeys))
        {
            await state.WriteStateAsync();
        }
    }

    Task<IReadOnlyDictionary<string, string>> ITaggedResourceGrain.ListTagsAsync(string callerAccountId) =>
        Task.FromResult(ResourceTags.Copy(RequireOwnedBy(callerAccountId).Builder.Tags));

    async Task<DateTimeOffset?> IScheduledGrain.OnDueAsync(DateTimeOffset now)
    {
        await TransitionWhenDueAsync(now);
        return Builder.Exists ? Builder.TransitionDue : null;
    }

    /// <summary>Moves into a timed state and answers the builder as it is then (a zero duration ends the state at once).</summary>
    private async Task<ImageBuilderResponse> EnterAsync(ImageBuilderState next, TimeSpan duration, DateTimeOffset now)
    {
        Builder.State = next;
        Builder.StateChangeReason = null;
        Builder.TransitionDue = now + duration;
        var entered = View();
        await TransitionWhenDueAsync(now);
        return new ImageBuilderResponse { ImageBuilder = entered };
    }

    /// <summary>Ends the timed states whose time has come (one may lead to another), then asks the region's clock to come back.</summary>
    private async Task TransitionWhenDueAsync(DateTimeOffset now)
    {
        while (Builder.Exists && Builder.TransitionDue is { } due && due <= now)
        {
            Builder.TransitionDue = null;
            switch (Builder.State)
            {
                case ImageBuilderState.Pending when Builder.TargetAgentVersion is { } target && AgentReleaseCatalog.IsNewer(target, Builder.AgentVersion):
                    Builder.State = ImageBuilderState.UpdatingAgent;
                    Builder.TransitionDue = due + clock.Timings.ImageBuilderAgentUpdate;
                    break;

                case ImageBuilderState.Pending:
                    Builder.TargetAgentVersion = null;
                    Builder.State = ImageBuilderState.Running;
                    break;

                case ImageBuilderState.UpdatingAgent:
                    Builder.AgentVersion = Builder.TargetAgentVersion ?? Builder.AgentVersion;
                    Builder.TargetAgentVersion = null;
                    Builder.State = ImageBuilderState.Running;
                    break;

                case ImageBuilderState.Updating:
                    Builder.OperatingSystemUpdatedOn = due;
                    Builder.State = ImageBuilderState.Rebooting;
                    Builder.TransitionDue = due + clock.Timings.ImageBuilderReboot;
                    break;

                case ImageBuilderState.Rebooting:
                    // Windows starts the Defender service at boot unless the policy disables it.
                    Builder.Defender = Builder.Defender with { ServiceRunning = Builder.Defender is { Included: true, DisableAntiSpyware: 0 } };
                    Builder.State = ImageBuilderState.Running;
                    break;

                case ImageBuilderState.Stopping or ImageBuilderState.Snapshotting:
                    Builder.State = ImageBuilderState.Stopped;
                    break;

                case ImageBuilderState.Deleting:
                    await state.ClearStateAsync();
                    state.State = new ImageBuilderGrainState();
                    await GrainFactory.GetGrain<IAccountGrain>(_key.Owner).ReleaseNameAsync(_key.Region, ResourceKind.ImageBuilder, _key.Name);
                    return;
            }
        }

        if (!Builder.Exists)
        {
            return;
        }

        await state.WriteStateAsync();
        if (Builder.TransitionDue is { } next)
        {
            await GrainFactory.WakeAtAsync(_key.Region, this.GetGrainId(), next);
        }
    }

    /// <summary>
    /// The agent a builder is to run: the one asked for (a released version, or [LATEST]); when none is asked
    /// for, the newest for a builder launched from an image that always uses the latest, else <paramref name="current"/>.
    /// An agent older than the one the builder or image has is refused.
    /// </summary>
    private static string ChooseAgent(string? requested, string current, bool alwaysLatest, DateTimeOffset now)
    {
        if (requested is null)
        {
            return AgentReleaseCatalog.AtLaunch(new LaunchAgent { Carried = current, AlwaysLatest = alwaysLatest }, now);
        }

        var latest = AgentReleaseCatalog.LatestAt(now).Version;

        Check.MinLength(requested, 1, "AppstreamAgentVersion");
        Check.MaxLength(requested, 100, "AppstreamAgentVersion");
        if (requested == AgentReleaseCatalog.Latest)
        {
            return AgentReleaseCatalog.IsNewer(latest, current) ? latest : current;
        }

        var release = AgentReleaseCatalog.Find(requested, now) ?? throw AppStreamException.Invalid(
            $"1 validation error detected: Value '{requested}' at 'AppstreamAgentVersion' failed to satisfy constraint: " +
            $"Member must be {AgentReleaseCatalog.Latest} or a released agent version (MM-DD-YYYY), the latest being {latest}");
        return AgentReleaseCatalog.IsNewer(current, release.Version)
            ? throw AppStreamException.Incompatible($"Agent {release.Version} is older than the agent {current} the image builder already has.")
            : release.Version;
    }

    private static void CheckNetwork(CreateImageBuilderRequest request)
    {
        if (request.VpcConfig?.SubnetIds is { Count: > 1 } subnets)
        {
            throw AppStreamException.InvalidCombination($"An image builder takes one subnet; VpcConfig.SubnetIds names {subnets.Count}.");
        }

        if (request.VpcConfig?.SecurityGroupIds is { Count: > 5 })
        {
            throw AppStreamException.Invalid("1 validation error detected: Value at 'VpcConfig.SecurityGroupIds' failed to satisfy constraint: Member must have at most 5 items");
        }

        if (request.IamRoleArn is { } role && !IamRole().IsMatch(role))
        {
            throw new AppStreamException(AppStreamErrorCode.InvalidRole, $"IamRoleArn '{role}' is not the ARN of an IAM role (arn:aws:iam::<account>:role/<name>).");
        }

        if (request.AccessEndpoints is { Count: < 1 or > 4 })
        {
            throw AppStreamException.Invalid("1 validation error detected: Value at 'AccessEndpoints' failed to satisfy constraint: Member must have between 1 and 4 items");
        }

        foreach (var endpoint in request.AccessEndpoints ?? [])
        {
            Check.Required(endpoint.EndpointType, "AccessEndpoints.EndpointType");
        }

        Check.Range(request.RootVolumeConfig?.VolumeSizeInGb, 200, 500, "RootVolumeConfig.VolumeSizeInGb");
    }

    /// <summary>Refuses the action unless the builder is in one of <paramref name="allowed"/>.</summary>
    private void RequireState(string verb, params ImageBuilderState[] allowed)
    {
        RequireExisting();
        if (allowed.Contains(Builder.State))
        {
            return;
        }

        var expected = string.Join(" or ", allowed.Select(WireNames.Of));
        var message = $"Image builder {_key.Name} is {WireNames.Of(Builder.State)}; it can be {verb} when it is {expected}.";
        throw Builder.State is ImageBuilderState.Running or ImageBuilderState.Stopped or ImageBuilderState.Failed
            ? verb == "started" ? AppStreamException.NotAvailable(message) : AppStreamException.NotPermitted(message)
            : AppStreamException.ConcurrentModification(message);
    }

    private ImageBuilderGrain RequireExisting() =>
        Builder.Exists ? this : throw AppStreamException.NotFound($"Account {_key.Owner} has no image builder named {_key.Name} in {_key.Region}.");

    /// <summary>Tag calls name the builder by ARN, which may name another account's: to the caller, that one does not exist.</summary>
    private ImageBuilderGrain RequireOwnedBy(string callerAccountId) =>
        Builder.Exists && callerAccountId == _key.Owner
            ? this
            : throw AppStreamException.NotFound($"Account {callerAccountId} has no image builder named {_key.Name} in {_key.Region}.");

    private AppStreamException AlreadyExists() =>
        AppStreamException.AlreadyExists($"Account {_key.Owner} already has an image builder named {_key.Name} in {_key.Region}.");

    private ImageBuilder View() => new()
    {
        Name = _key.Name,
        Arn = Arn,
        ImageArn = Builder.ImageArn,
        Description = Builder.Description,
        DisplayName = Builder.DisplayName,
        VpcConfig = Builder.VpcConfig,
        InstanceType = Builder.InstanceType,
        Platform = Builder.Source!.Platform,
        IamRoleArn = Builder.IamRoleArn,
        State = Builder.State,
        StateChangeReason = Builder.StateChangeReason,
        CreatedTime = Builder.CreatedTime,
        EnableDefaultInternetAccess = Builder.EnableDefaultInternetAccess,
        DomainJoinInfo = Builder.DomainJoinInfo,
        NetworkAccessConfiguration = Builder.State is ImageBuilderState.Stopped or ImageBuilderState.Deleting ? null : NetworkInterface(),
        AppstreamAgentVersion = Builder.AgentVersion,
        AccessEndpoints = Builder.AccessEndpoints,
        RootVolumeConfig = Builder.RootVolumeConfig,
        LatestAppstreamAgentVersion = AgentReleaseCatalog.IsNewer(AgentReleaseCatalog.LatestAt(time.GetUtcNow()).Version, Builder.AgentVersion) ? "FALSE" : "TRUE",
        DisableIMDSV1 = Builder.DisableIMDSV1,
    };

    /// <summary>A network interface derived from the builder's key, so that the same builder always gets the same one.</summary>
    private NetworkAccessConfiguration NetworkInterface()
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(_key.ToString()));
        return new NetworkAccessConfiguration
        {
            EniId = $"eni-{Convert.ToHexStringLower(hash.AsSpan(0, 9))[..17]}",
            EniPrivateIpAddress = $"10.{hash[9]}.{hash[10]}.{Math.Max((int)hash[11], 4)}",
        };
    }

    private static ApplicationConfig FromImage(Application application) => new()
    {
        Name = application.Name,
        DisplayName = application.DisplayName,
        AbsoluteAppPath = application.LaunchPath ?? "",
        WorkingDirectory = application.WorkingDirectory,
        LaunchParameters = application.LaunchParameters,
    };

    [GeneratedRegex(@"^arn:aws:iam::\d{12}:role/.+$")]
    private static partial Regex IamRole();
}
