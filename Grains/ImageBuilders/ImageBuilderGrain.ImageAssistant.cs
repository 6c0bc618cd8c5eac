using RegionSim.Accounts;
using RegionSim.Errors;
using RegionSim.Images;
using RegionSim.Resources;
using RegionSim.Validation;
using RegionSim.Wire;

namespace RegionSim.ImageBuilders;

/// <summary>
/// Image Assistant on the builder: its CLI operations with the answers AWS documents for them. Refusals
/// AWS documents are status 1 with its message; other bad values are status 1 "Invalid value (option)";
/// anything else (the builder not RUNNING, an unexpected refusal) is status 255.
/// </summary>
public sealed partial class ImageBuilderGrain
{
    public const int MaxApplications = 50;
    public const int MaxApplicationNameLength = 256;
    public const string TemplateUser = @".\Template User";

    public const string WindowsUpdateWarning =
        "Windows Update is enabled on this image builder. Image Assistant disables Windows Update in the image it creates; " +
        "install Windows updates on the image builder and create a new image regularly instead.";

    private static readonly string[] ApplicationExtensions = [".exe", ".bat"];
    private static readonly string[] IconExtensions = [".jpg", ".png", ".bmp"];

    Task<ImageAssistantResult> IImageBuilderGrain.AddApplicationAsync(ApplicationConfig application)
    {
        if (NotConnected() is { } refused)
        {
            return Task.FromResult(refused);
        }

        var result = CheckApplication(application);
        if (result is null)
        {
            Builder.Applications.Add(application with
            {
                DisplayName = application.DisplayName ?? BuilderFileSystem.DisplayNameOf(application.AbsoluteAppPath),
            });
        }

        return result is null ? SaveAsync(ImageAssistantResult.Succeeded()) : Task.FromResult(result);
    }

    Task<ImageAssistantResult> IImageBuilderGrain.RemoveApplicationAsync(string? name)
    {
        if (NotConnected() is { } refused)
        {
            return Task.FromResult(refused);
        }

        var removed = name is not null && Builder.Applications.RemoveAll(app => string.Equals(app.Name, name, StringComparison.OrdinalIgnoreCase)) > 0;
        return removed ? SaveAsync(ImageAssistantResult.Succeeded()) : Task.FromResult(ImageAssistantResult.Refusal("App not found"));
    }

    Task<ImageAssistantResult> IImageBuilderGrain.ListApplicationsAsync() =>
        Task.FromResult(NotConnected() ?? ImageAssistantResult.Succeeded() with { Applications = Builder.Applications.ToList() });

    Task<ImageAssistantResult> IImageBuilderGrain.UpdateDefaultProfileAsync(string? profile)
    {
        if ((NotConnected() ?? ProfilesUnsupported("update-default-profile")) is { } refused)
        {
            return Task.FromResult(refused);
        }

        var user = profile ?? TemplateUser;
        if (FindProfile(user) is { } missing)
        {
            return Task.FromResult(missing);
        }

        Builder.DefaultProfileCopiedFrom = user;
        return SaveAsync(ImageAssistantResult.Succeeded());
    }

    Task<ImageAssistantResult> IImageBuilderGrain.ResetUserProfileAsync(string? profile)
    {
        if ((NotConnected() ?? ProfilesUnsupported("reset-user-profile")) is { } refused)
        {
            return Task.FromResult(refused);
        }

        var user = profile ?? TemplateUser;
        if (FindProfile(user) is { } missing)
        {
            return Task.FromResult(missing);
        }

        // A domain user's profile comes back when the user next signs in; a local one is gone.
        Builder.LocalProfiles.Remove(user);
        return SaveAsync(ImageAssistantResult.Succeeded());
    }

    async Task<ImageAssistantResult> IImageBuilderGrain.CreateImageAsync(ImageAssistantCreateImage request)
    {
        if (NotConnected() is { } refused)
        {
            return refused;
        }

        if (!IsValid(() => Check.ImageAssistantImageName(request.Name, "name")))
        {
            return InvalidValue("name");
        }

        if (request.Description?.Length > 256)
        {
            return InvalidValue("description");
        }

        // The image holds a display name of at most 100 characters, as every image does.
        if (request.DisplayName?.Length > 100)
        {
            return InvalidValue("display-name");
        }

        var tags = TagsOf(request.Tags);
        if (request.Tags is not null && (tags is null || !IsValid(() => Check.Tags(tags, "tags"))))
        {
            return InvalidValue("tags");
        }

        var account = GrainFactory.GetGrain<IAccountGrain>(_key.Owner);
        if ((await account.ListNamesAsync(_key.Region, ResourceKind.Image)).Contains(request.Name!))
        {
            return ImageAssistantResult.Refusal("An image with the given name already exists");
        }

        var warnings = new List<string>();
        if (Builder.WindowsUpdateEnabled)
        {
            warnings.Add(WindowsUpdateWarning);
        }

        if (Builder.Antivirus is { AutomaticUpdates: true })
        {
            warnings.Add(Antivirus.AutomaticUpdatesWarning);
        }

        if (request.DryRun)
        {
            return ImageAssistantResult.Succeeded(warnings);
        }

        try
        {
            await GrainFactory.GetImage(_key.Region, _key.Owner, request.Name).CreateAsync(new NewImage
            {
                Content = SnapshotContent(request),
                DisplayName = request.DisplayName,
                Description = request.Description,
                Tags = tags,
            });
        }
        catch (AppStreamException error) when (error.Code == AppStreamErrorCode.ResourceAlreadyExists)
        {
            return ImageAssistantResult.Refusal("An image with the given name already exists");
        }
        catch (AppStreamException error)
        {
            return ImageAssistantResult.Error(error.Message);
        }

        Builder.WindowsUpdateEnabled = false;
        await EnterAsync(ImageBuilderState.Snapshotting, clock.Timings.ImageBuilderSnapshot, time.GetUtcNow());
        return ImageAssistantResult.Succeeded(warnings);
    }

    /// <summary>The checks of add-application, in the order AWS lists their messages; null when the application may be added.</summary>
    private ImageAssistantResult? CheckApplication(ApplicationConfig application)
    {
        if (string.IsNullOrEmpty(application.Name) || application.Name.Length > MaxApplicationNameLength || application.Name.Any(char.IsWhiteSpace))
        {
            return InvalidValue("name");
        }

        if (Builder.Applications.Count >= MaxApplications)
        {
            return ImageAssistantResult.Refusal($"Unable to add more than {MaxApplications} apps to the catalog.");
        }

        if (Builder.Applications.Any(app => string.Equals(app.Name, application.Name, StringComparison.OrdinalIgnoreCase)))
        {
            return ImageAssistantResult.Refusal("Name is not unique");
        }

        var files = Files;
        if (!files.FileExists(application.AbsoluteAppPath))
        {
            return ImageAssistantResult.Refusal("File not found (absolute-app-path)");
        }

        if (files.IsWindows && !ApplicationExtensions.Contains(BuilderFileSystem.Extension(application.AbsoluteAppPath)))
        {
            return ImageAssistantResult.Refusal("Unsupported file extension");
        }

        if (application.DisplayName is { Length: 0 or > MaxApplicationNameLength })
        {
            return InvalidValue("display-name");
        }

        if (application.AbsoluteIconPath is { } icon)
        {
            if (!files.FileExists(icon))
            {
                return ImageAssistantResult.Refusal("File not found (absolute-icon-path)");
            }

            if (!IconExtensions.Contains(BuilderFileSystem.Extension(icon)))
            {
                return ImageAssistantResult.Refusal("Unsupported file extension (absolute-icon-path)");
            }
        }

        if (application.WorkingDirectory is { } directory && !files.DirectoryExists(directory))
        {
            return ImageAssistantResult.Refusal("Directory not found (working-directory)");
        }

        if (application.AbsoluteManifestPath is { } manifest)
        {
            if (!files.FileExists(manifest))
            {
                return ImageAssistantResult.Refusal($"Optimization-manifest not found: {manifest}");
            }

            var missing = files.ReadFile(manifest)!
                .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .FirstOrDefault(path => !files.FileExists(path) && !files.DirectoryExists(path));
            if (missing is not null)
            {
                return ImageAssistantResult.Refusal($"File not found: {missing}");
            }
        }

        return null;
    }

    /// <summary>
    /// Whether <paramref name="user"/> (<c>domain\user</c>) has a profile here: local users (domain ".") while
    /// their profile exists; users of the domain the builder joined; no domain user on a builder that joined none.
    /// </summary>
    private ImageAssistantResult? FindProfile(string user)
    {
        var parts = user.Split('\\');
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            return InvalidValue("profile");
        }

        var (domain, name) = (parts[0], parts[1]);
        if (domain != "." && Builder.DomainJoinInfo?.DirectoryName is not { } directory)
        {
            return ImageAssistantResult.Refusal("Cannot copy a domain user when not joined to a domain");
        }

        var exists = domain == "."
            ? Builder.LocalProfiles.Contains(user)
            : string.Equals(domain, Builder.DomainJoinInfo!.DirectoryName, StringComparison.OrdinalIgnoreCase)
              || string.Equals(domain, Builder.DomainJoinInfo.DirectoryName!.Split('.')[0], StringComparison.OrdinalIgnoreCase);
        return exists ? null : ImageAssistantResult.Refusal($@"Unable to copy file or folder: C:\Users\{name}. The system cannot find the path specified.");
    }

    private ImageAssistantResult? ProfilesUnsupported(string operation) =>
        BuilderFileSystem.IsWindowsPlatform(Builder.Source!.Platform)
            ? null
            : ImageAssistantResult.Error($"{operation} is not supported by the Linux image assistant CLI tool.");

    /// <summary>Image Assistant runs on the builder: it answers only while a person can be connected, i.e. while the builder is RUNNING.</summary>
    private ImageAssistantResult? NotConnected() =>
        !Builder.Exists
            ? ImageAssistantResult.Error($"Account {_key.Owner} has no image builder named {_key.Name} in {_key.Region}.")
            : Builder.State != ImageBuilderState.Running
                ? ImageAssistantResult.Error($"Image builder {_key.Name} is {WireNames.Of(Builder.State)}; Image Assistant runs on a RUNNING image builder.")
                : null;

    /// <summary>What the image records of the builder: the snapshot of its disk and settings, with Windows Update off.</summary>
    private ImageContent SnapshotContent(ImageAssistantCreateImage request) => Builder.Source! with
    {
        AgentVersion = Builder.AgentVersion,
        AlwaysLatestAgent = request.UseLatestAgentVersion,
        Applications = Builder.Applications.Select(app => new Application
        {
            Name = app.Name,
            DisplayName = app.DisplayName,
            LaunchPath = app.AbsoluteAppPath,
            LaunchParameters = app.LaunchParameters,
            WorkingDirectory = app.WorkingDirectory,
            Enabled = true,
        }).ToList(),
        ImageBuilderName = _key.Name,
        ImageBuilderSupported = true,
        WindowsDefender = Builder.Defender switch
        {
            { Included: false } => WindowsDefenderDefault.NotIncluded,
            { Enabled: true } => WindowsDefenderDefault.Enabled,
            _ => WindowsDefenderDefault.Disabled,
        },
        WindowsUpdateEnabled = false,
        DynamicAppProvidersEnabled = request.EnableDynamicAppCatalog,
        OperatingSystemUpdatedOn = Builder.OperatingSystemUpdatedOn,
        Antivirus = Builder.Antivirus,
        InstalledFiles = new Dictionary<string, string>(Builder.InstalledFiles, StringComparer.Ordinal),
    };

    /// <summary>--tags "key" "value" "key2" "value2": pairs, keys unique; null when they are not.</summary>
    private static Dictionary<string, string>? TagsOf(IReadOnlyList<string>? values)
    {
        if (values is null || values.Count % 2 != 0)
        {
            return null;
        }

        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i += 2)
        {
            if (!tags.TryAdd(values[i], values[i + 1]))
            {
                return null;
            }
        }

        return tags;
    }

    private static bool IsValid(Action check)
    {
        try
        {
            check();
            return true;
        }
        catch (AppStreamException error) when (error.Code == AppStreamErrorCode.Validation)
        {
            return false;
        }
    }

    private static ImageAssistantResult InvalidValue(string option) => ImageAssistantResult.Refusal($"Invalid value ({option})");

    private BuilderFileSystem Files => new(Builder.Source!.Platform, Builder.InstalledFiles);

    private async Task<ImageAssistantResult> SaveAsync(ImageAssistantResult result)
    {
        await state.WriteStateAsync();
        return result;
    }
}
