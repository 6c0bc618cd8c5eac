namespace RegionSim.Stacks;

[GenerateSerializer, Immutable, Alias("RegionSim.UpdateStackRequest")]
public sealed record UpdateStackRequest
{
    [Id(0)] public string? DisplayName { get; init; }
    [Id(1)] public string? Description { get; init; }
    [Id(2)] public string? Name { get; init; }
    [Id(3)] public IReadOnlyList<StorageConnector>? StorageConnectors { get; init; }
    [Id(4)] public bool? DeleteStorageConnectors { get; init; }
    [Id(5)] public string? RedirectURL { get; init; }
    [Id(6)] public string? FeedbackURL { get; init; }
    [Id(7)] public IReadOnlyList<StackAttribute>? AttributesToDelete { get; init; }
    [Id(8)] public IReadOnlyList<UserSetting>? UserSettings { get; init; }
    [Id(9)] public ApplicationSettings? ApplicationSettings { get; init; }
    [Id(10)] public IReadOnlyList<AccessEndpoint>? AccessEndpoints { get; init; }
    [Id(11)] public IReadOnlyList<string>? EmbedHostDomains { get; init; }
    [Id(12)] public StreamingExperienceSettings? StreamingExperienceSettings { get; init; }
}

[GenerateSerializer, Immutable, Alias("RegionSim.UpdateStackResponse")]
public sealed record UpdateStackResponse
{
    [Id(0)] public required Stack Stack { get; init; }
}
