namespace RegionSim.Stacks;

/// <summary>A stack as DescribeStacks shows it: the wire's <c>Stack</c> shape.</summary>
[GenerateSerializer, Immutable, Alias("RegionSim.Stack")]
public sealed record Stack
{
    [Id(0)] public string? Arn { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public string? Description { get; init; }
    [Id(3)] public string? DisplayName { get; init; }
    [Id(4)] public DateTimeOffset? CreatedTime { get; init; }
    [Id(5)] public IReadOnlyList<StorageConnector>? StorageConnectors { get; init; }
    [Id(6)] public string? RedirectURL { get; init; }
    [Id(7)] public string? FeedbackURL { get; init; }
    [Id(8)] public IReadOnlyList<StackError>? StackErrors { get; init; }
    [Id(9)] public IReadOnlyList<UserSetting>? UserSettings { get; init; }
    [Id(10)] public ApplicationSettingsResponse? ApplicationSettings { get; init; }
    [Id(11)] public IReadOnlyList<AccessEndpoint>? AccessEndpoints { get; init; }
    [Id(12)] public IReadOnlyList<string>? EmbedHostDomains { get; init; }
    [Id(13)] public StreamingExperienceSettings? StreamingExperienceSettings { get; init; }
}
