using Microsoft.Extensions.DependencyInjection;
using RegionSim.Accounts;
using RegionSim.Errors;
using RegionSim.Fleets;
using RegionSim.Resources;
using RegionSim.Sessions;
using RegionSim.Time;
using RegionSim.Validation;
using RegionSim.Wire;

namespace RegionSim.Stacks;

/// <summary>
/// One stack: its settings, the fleet associated with it (it decides, and tells the fleet), streaming URLs,
/// and its users' persisted profile settings. Fleets call it only through interleaving methods, so a fleet
/// waiting on its stack never blocks the stack waiting on the fleet.
/// </summary>
public sealed class StackGrain(
    [PersistentState("stack", StorageNames.Default)] IPersistentState<StackGrainState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time) : Grain, IStackGrain
{
    public const int DefaultUrlValiditySeconds = 60;
    public const int MaxUrlValiditySeconds = 604800;

    // SaveProfiles interleaves with the stack's other calls, so every write goes through one writer.
    private readonly SerialWriter _writer = new(state);
    private ResourceKey _key;

    private StackGrainState Stack => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _key = ResourceKey.Parse(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    async Task<CreateStackResponse> IStackGrain.CreateAsync(CreateStackRequest request)
    {
        Check.Name(request.Name, nameof(request.Name));
        StackRequestRules.CheckMembers(request.Description, request.DisplayName, request.RedirectURL, request.FeedbackURL, request.UserSettings,
            request.ApplicationSettings, request.AccessEndpoints, request.EmbedHostDomains, request.StorageConnectors);
        Check.Tags(request.Tags, nameof(request.Tags));
        if (Stack.Exists)
        {
            throw AppStreamException.AlreadyExists($"Account {_key.Owner} already has a stack named {_key.Name} in {_key.Region}.");
        }

        await GrainFactory.GetGrain<IAccountGrain>(_key.Owner).ReserveNameAsync(_key.Region, ResourceKind.Stack, _key.Name);
        state.State = new StackGrainState
        {
            Exists = true,
            CreatedTime = time.GetUtcNow(),
            Description = request.Description,
            DisplayName = request.DisplayName,
            StorageConnectors = request.StorageConnectors?.ToList(),
            RedirectURL = request.RedirectURL,
            FeedbackURL = request.FeedbackURL,
            UserSettings = request.UserSettings?.ToDictionary(setting => setting.Action!.Value) ?? [],
            ApplicationSettings = request.ApplicationSettings,
            Tags = request.Tags?.ToDictionary(StringComparer.Ordinal) ?? new(StringComparer.Ordinal),
            AccessEndpoints = request.AccessEndpoints?.ToList(),
            EmbedHostDomains = request.EmbedHostDomains?.ToList(),
            StreamingExperienceSettings = request.StreamingExperienceSettings,
        };
        await _writer.WriteAsync();
        return new CreateStackResponse { Stack = View() };
    }

    async Task<UpdateStackResponse> IStackGrain.UpdateAsync(UpdateStackRequest request)
    {
        Check.Name(request.Name, nameof(request.Name));
        StackRequestRules.CheckMembers(request.Description, request.DisplayName, request.RedirectURL, request.FeedbackURL, request.UserSettings,
            request.ApplicationSettings, request.AccessEndpoints, request.EmbedHostDomains, request.StorageConnectors);
        RequireExists();
        var deleted = request.AttributesToDelete?.ToHashSet() ?? [];
        if (request.DeleteStorageConnectors == true)
        {
            deleted.Add(StackAttribute.StorageConnectors);
        }

        foreach (var (attribute, given) in new (StackAttribute, bool)[]
        {
            (StackAttribute.StorageConnectors, request.StorageConnectors is not null),
            (StackAttribute.RedirectUrl, request.RedirectURL is not null),
            (StackAttribute.FeedbackUrl, request.FeedbackURL is not null),
            (StackAttribute.UserSettings, request.UserSettings is not null),
            (StackAttribute.EmbedHostDomains, request.EmbedHostDomains is not null),
            (StackAttribute.AccessEndpoints, request.AccessEndpoints is not null),
            (StackAttribute.StreamingExperienceSettings, request.StreamingExperienceSettings is not null),
        })
        {
            if (given && deleted.Contains(attribute))
            {
                throw AppStreamException.InvalidCombination($"{WireNames.Of(attribute)} can't be both set and listed in AttributesToDelete.");
            }
        }

        Stack.Description = request.Description ?? Stack.Description;
        Stack.DisplayName = request.DisplayName ?? Stack.DisplayName;
        Stack.StorageConnectors = request.StorageConnectors?.ToList() ?? Stack.StorageConnectors;
        foreach (var (attribute, type) in new[]
        {
            (StackAttribute.StorageConnectorHomefolders, StorageConnectorType.Homefolders),
            (StackAttribute.StorageConnectorGoogleDrive, StorageConnectorType.GoogleDrive),
            (StackAttribute.StorageConnectorOneDrive, StorageConnectorType.OneDrive),
        })
        {
            if (deleted.Contains(attribute))
            {
                Stack.StorageConnectors?.RemoveAll(connector => connector.ConnectorType == type);
            }
        }

        if (deleted.Contains(StackAttribute.StorageConnectors))
        {
            Stack.StorageConnectors = null;
        }

        Stack.RedirectURL = deleted.Contains(StackAttribute.RedirectUrl) ? null : request.RedirectURL ?? Stack.RedirectURL;
        Stack.FeedbackURL = deleted.Contains(StackAttribute.FeedbackUrl) ? null : request.FeedbackURL ?? Stack.FeedbackURL;
        if (deleted.Contains(StackAttribute.UserSettings))
        {
            Stack.UserSettings.Clear();
        }

        foreach (var setting in request.UserSettings ?? [])
        {
            Stack.UserSettings[setting.Action!.Value] = setting;
        }

        Stack.ApplicationSettings = request.ApplicationSettings ?? Stack.ApplicationSettings;
        Stack.EmbedHostDomains = deleted.Contains(StackAttribute.EmbedHostDomains) ? null : request.EmbedHostDomains?.ToList() ?? Stack.EmbedHostDomains;
        Stack.AccessEndpoints = deleted.Contains(StackAttribute.AccessEndpoints) ? null : request.AccessEndpoints?.ToList() ?? Stack.AccessEndpoints;
        Stack.StreamingExperienceSettings = deleted.Contains(StackAttribute.StreamingExperienceSettings)
            ? null
            : request.StreamingExperienceSettings ?? Stack.StreamingExperienceSettings;
        await _writer.WriteAsync();
        return new UpdateStackResponse { Stack = View() };
    }

    async Task IStackGrain.DeleteAsync()
    {
        RequireExists();
        if (Stack.FleetName is { } fleet)
        {
            throw AppStreamException.InUse($"Stack {_key.Name} is associated with fleet {fleet}; disassociate it (DisassociateFleet) before deleting the stack.");
        }

        await state.ClearStateAsync();
        state.State = new StackGrainState();
        await GrainFactory.GetGrain<IAccountGrain>(_key.Owner).ReleaseNameAsync(_key.Region, ResourceKind.Stack, _key.Name);
    }

    Task<Stack> IStackGrain.DescribeAsync()
    {
        RequireExists();
        return Task.FromResult(View());
    }

    async Task IStackGrain.AssociateFleetAsync(AssociateFleetRequest request)
    {
        var fleetName = Check.Name(request.FleetName, nameof(request.FleetName));
        Check.Name(request.StackName, nameof(request.StackName));
        RequireExists();
        if (Stack.FleetName == fleetName)
        {
            return;
        }

        if (Stack.FleetName is { } associated)
        {
            throw AppStreamException.LimitExceeded($"Stack {_key.Name} is already associated with fleet {associated}; a stack has one fleet. Disassociate it first.");
        }

        // The fleet refuses (ResourceNotFound) when it does not exist.
        await GrainFactory.GetFleet(_key.Region, _key.Owner, fleetName).AssociateStackAsync(_key.Name);
        Stack.FleetName = fleetName;
        await _writer.WriteAsync();
    }

    async Task IStackGrain.DisassociateFleetAsync(DisassociateFleetRequest request)
    {
        var fleetName = Check.Name(request.FleetName, nameof(request.FleetName));
        Check.Name(request.StackName, nameof(request.StackName));
        RequireExists();
        if (Stack.FleetName != fleetName)
        {
            throw AppStreamException.NotFound($"Stack {_key.Name} is not associated with fleet {fleetName}.");
        }

        var sessions = await GrainFactory.GetFleetSessions(_key.Region, _key.Owner, fleetName).CountSessionsAsync(_key.Name);
        if (sessions > 0)
        {
            throw AppStreamException.InUse($"{sessions} streaming session(s) from stack {_key.Name} are in progress on fleet {fleetName}; they must end before the fleet is disassociated.");
        }

        await GrainFactory.GetFleet(_key.Region, _key.Owner, fleetName).DisassociateStackAsync(_key.Name);
        Stack.FleetName = null;
        await _writer.WriteAsync();
    }

    Task<ListAssociatedNamesResponse> IStackGrain.ListAssociatedFleetsAsync(ListAssociatedFleetsRequest request)
    {
        Check.Name(request.StackName, nameof(request.StackName));
        Check.PageOffset(request.NextToken);
        return Task.FromResult(new ListAssociatedNamesResponse { Names = Stack.Exists && Stack.FleetName is { } fleet ? [fleet] : [] });
    }

    async Task<CreateStreamingURLResponse> IStackGrain.CreateStreamingUrlAsync(CreateStreamingURLRequest request)
    {
        Check.Name(request.StackName, nameof(request.StackName));
        var fleetName = Check.Name(request.FleetName, nameof(request.FleetName));
        var userId = Check.StreamingUserId(request.UserId, nameof(request.UserId));
        var validity = Check.Range(request.Validity, 1, MaxUrlValiditySeconds, nameof(request.Validity)) ?? DefaultUrlValiditySeconds;
        Check.MaxLength(request.ApplicationId, 100, nameof(request.ApplicationId));
        Check.MaxLength(request.SessionContext, 1000, nameof(request.SessionContext));
        if (!Stack.Exists)
        {
            throw AppStreamException.NotFound($"Account {_key.Owner} has no stack named {_key.Name} in {_key.Region}.");
        }

        if (Stack.FleetName != fleetName)
        {
            throw AppStreamException.InvalidCombination($"Fleet {fleetName} is not associated with stack {_key.Name}; streaming URLs are for the stack's fleet{(Stack.FleetName is { } fleet ? $" ({fleet})" : "")}.");
        }

        var described = await GrainFactory.GetFleet(_key.Region, _key.Owner, fleetName).DescribeAsync();
        if (described.State != FleetState.Running)
        {
            throw AppStreamException.NotAvailable($"Fleet {fleetName} is {WireNames.Of(described.State)}; streaming URLs are for a RUNNING fleet.");
        }

        var expires = time.GetUtcNow() + TimeSpan.FromSeconds(validity);
        var token = StreamingUrls.NewToken();
        await GrainFactory.GetGrain<IStreamingUrlGrain>(token).IssueForSessionAsync(new StreamingConnectRequest
        {
            Region = _key.Region,
            AccountId = _key.Owner,
            StackName = _key.Name,
            FleetName = fleetName,
            UserId = userId,
            Expires = expires,
            ApplicationId = request.ApplicationId,
            SessionContext = request.SessionContext,
        });
        return new CreateStreamingURLResponse { StreamingURL = StreamingUrls.Create(_key.Region, token), Expires = expires };
    }

    Task<SessionSetup> IStackGrain.GetSessionSetupAsync(string fleetName, string userId)
    {
        if (!Stack.Exists || Stack.FleetName != fleetName)
        {
            return Task.FromResult(new SessionSetup { Associated = false });
        }

        var enabled = Stack.ApplicationSettings?.Enabled == true;
        var group = Stack.ApplicationSettings?.SettingsGroup ?? "";
        return Task.FromResult(new SessionSetup
        {
            Associated = true,
            ApplicationSettingsEnabled = enabled,
            SettingsGroup = group,
            ProfileSettings = enabled && Stack.Profiles.TryGetValue(ProfileKey(group, userId), out var profile)
                ? new Dictionary<string, string>(profile, StringComparer.Ordinal)
                : new Dictionary<string, string>(),
        });
    }

    async Task IStackGrain.SaveProfilesAsync(IReadOnlyList<ProfileSave> profiles)
    {
        if (!Stack.Exists)
        {
            return;
        }

        foreach (var profile in profiles)
        {
            Stack.Profiles[ProfileKey(profile.SettingsGroup, profile.UserId)] = new Dictionary<string, string>(profile.ProfileSettings, StringComparer.Ordinal);
        }

        await _writer.WriteAsync();
    }

    Task<IReadOnlyDictionary<string, string>> IStackGrain.GetPersistedProfileAsync(string userId)
    {
        RequireExists();
        var group = Stack.ApplicationSettings?.SettingsGroup ?? "";
        return Task.FromResult<IReadOnlyDictionary<string, string>>(Stack.Profiles.TryGetValue(ProfileKey(group, userId), out var profile)
            ? new Dictionary<string, string>(profile, StringComparer.Ordinal)
            : new Dictionary<string, string>());
    }

    async Task ITaggedResourceGrain.TagAsync(string callerAccountId, IReadOnlyDictionary<string, string> tags)
    {
        ResourceTags.CheckTags(tags);
        RequireOwnedBy(callerAccountId);
        ResourceTags.Add(Stack.Tags, tags, $"Stack {_key.Name}");
        await _writer.WriteAsync();
    }

    async Task ITaggedResourceGrain.UntagAsync(string callerAccountId, IReadOnlyList<string> tagKeys)
    {
        ResourceTags.CheckKeys(tagKeys);
        RequireOwnedBy(callerAccountId);
        if (ResourceTags.Remove(Stack.Tags, tagKeys))
        {
            await _writer.WriteAsync();
        }
    }

    Task<IReadOnlyDictionary<string, string>> ITaggedResourceGrain.ListTagsAsync(string callerAccountId)
    {
        RequireOwnedBy(callerAccountId);
        return Task.FromResult(ResourceTags.Copy(Stack.Tags));
    }

    private static string ProfileKey(string settingsGroup, string userId) => $"{settingsGroup}\n{userId}";

    private void RequireExists()
    {
        if (!Stack.Exists)
        {
            throw AppStreamException.NotFound($"Account {_key.Owner} has no stack named {_key.Name} in {_key.Region}.");
        }
    }

    /// <summary>Tag calls name the stack by ARN, which may name another account's: to the caller, that one does not exist.</summary>
    private void RequireOwnedBy(string callerAccountId)
    {
        if (!Stack.Exists || callerAccountId != _key.Owner)
        {
            throw AppStreamException.NotFound($"Account {callerAccountId} has no stack named {_key.Name} in {_key.Region}.");
        }
    }

    private Stack View()
    {
        var enabled = Stack.ApplicationSettings?.Enabled == true;
        return new Stack
        {
            Arn = _key.Arn(ResourceKind.Stack),
            Name = _key.Name,
            Description = Stack.Description,
            DisplayName = Stack.DisplayName,
            CreatedTime = Stack.CreatedTime,
            StorageConnectors = Stack.StorageConnectors,
            RedirectURL = Stack.RedirectURL,
            FeedbackURL = Stack.FeedbackURL,
            UserSettings = Enum.GetValues<UserSettingAction>()
                .Select(action => Stack.UserSettings.GetValueOrDefault(action) ?? new UserSetting { Action = action, Permission = Permission.Enabled })
                .ToList(),
            ApplicationSettings = new ApplicationSettingsResponse
            {
                Enabled = enabled,
                SettingsGroup = Stack.ApplicationSettings?.SettingsGroup,
                S3BucketName = enabled ? $"appstream-app-settings-{_key.Region}-{_key.Owner}-regionsim" : null,
            },
            AccessEndpoints = Stack.AccessEndpoints,
            EmbedHostDomains = Stack.EmbedHostDomains,
            StreamingExperienceSettings = Stack.StreamingExperienceSettings,
        };
    }
}
