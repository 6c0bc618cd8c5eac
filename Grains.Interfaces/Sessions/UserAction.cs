namespace RegionSim.Sessions;

/// <summary>What a user does in a session (simulator-level): see <see cref="UserActionKind"/>.</summary>
[GenerateSerializer, Immutable, Alias("RegionSim.UserAction")]
public sealed record UserAction
{
    [Id(0)] public required UserActionKind Kind { get; init; }

    /// <summary>The profile setting's key, or the software's name.</summary>
    [Id(1)] public string? Name { get; init; }

    /// <summary>The profile setting's new value.</summary>
    [Id(2)] public string? Value { get; init; }

    public static UserAction Disconnect { get; } = new() { Kind = UserActionKind.Disconnect };
    public static UserAction LogOut { get; } = new() { Kind = UserActionKind.LogOut };
    public static UserAction GoIdle { get; } = new() { Kind = UserActionKind.GoIdle };
    public static UserAction BecomeActive { get; } = new() { Kind = UserActionKind.BecomeActive };
    public static UserAction Reconnect { get; } = new() { Kind = UserActionKind.Reconnect };

    public static UserAction ChangeProfileSetting(string name, string value) =>
        new() { Kind = UserActionKind.ChangeProfileSetting, Name = name, Value = value };

    public static UserAction InstallSoftware(string name) => new() { Kind = UserActionKind.InstallSoftware, Name = name };
}

[GenerateSerializer]
public enum UserActionKind
{
    /// <summary>The client goes away; the session waits DisconnectTimeoutInSeconds for the user to come back.</summary>
    Disconnect,

    /// <summary>The user ends the session: it ends at once.</summary>
    LogOut,

    /// <summary>The user stops using the session; after IdleDisconnectTimeoutInSeconds (when not 0) the user is disconnected.</summary>
    GoIdle,

    /// <summary>The user uses the session again (ends <see cref="GoIdle"/>).</summary>
    BecomeActive,

    /// <summary>A Windows or application setting kept in the user's profile (persisted with application settings persistence).</summary>
    ChangeProfileSetting,

    /// <summary>Software installed or updated on the instance (never persisted: instances are non-persistent).</summary>
    InstallSoftware,

    /// <summary>The user comes back to the session (as opening a new streaming URL would): same session, same instance, if it has not ended.</summary>
    Reconnect,
}
