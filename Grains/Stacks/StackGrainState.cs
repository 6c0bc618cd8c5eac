namespace RegionSim.Stacks;

[GenerateSerializer, Alias("RegionSim.StackGrainState")]
public sealed class StackGrainState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public DateTimeOffset CreatedTime { get; set; }
    [Id(2)] public string? Description { get; set; }
    [Id(3)] public string? DisplayName { get; set; }
    [Id(4)] public List<StorageConnector>? StorageConnectors { get; set; }
    [Id(5)] public string? RedirectURL { get; set; }
    [Id(6)] public string? FeedbackURL { get; set; }

    /// <summary>The permissions set per action; actions not here are ENABLED.</summary>
    [Id(7)] public Dictionary<UserSettingAction, UserSetting> UserSettings { get; set; } = [];
    [Id(8)] public ApplicationSettings? ApplicationSettings { get; set; }
    [Id(9)] public Dictionary<string, string> Tags { get; set; } = new(StringComparer.Ordinal);
    [Id(10)] public List<AccessEndpoint>? AccessEndpoints { get; set; }
    [Id(11)] public List<string>? EmbedHostDomains { get; set; }
    [Id(12)] public StreamingExperienceSettings? StreamingExperienceSettings { get; set; }

    /// <summary>The fleet associated with the stack (a stack has at most one).</summary>
    [Id(13)] public string? FleetName { get; set; }

    /// <summary>Users' persisted profile settings, by settings group and user (<c>group\nuser</c>).</summary>
    [Id(14)] public Dictionary<string, Dictionary<string, string>> Profiles { get; set; } = new(StringComparer.Ordinal);
}
