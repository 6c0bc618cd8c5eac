namespace RegionSim.Stacks;

/// <summary>Whether users of a stack may do an action during their sessions.</summary>
[GenerateSerializer, Immutable, Alias("RegionSim.UserSetting")]
public sealed record UserSetting
{
    [Id(0)] public UserSettingAction? Action { get; init; }
    [Id(1)] public Permission? Permission { get; init; }
    [Id(2)] public int? MaximumLength { get; init; }
}

/// <summary>The wire's <c>Action</c> enum (renamed here so it doesn't meet <see cref="System.Action"/>).</summary>
[GenerateSerializer]
public enum UserSettingAction
{
    ClipboardCopyFromLocalDevice,
    ClipboardCopyToLocalDevice,
    FileUpload,
    FileDownload,
    PrintingToLocalDevice,
    DomainPasswordSignin,
    DomainSmartCardSignin,
    AutoTimeZoneRedirection,
}

[GenerateSerializer]
public enum Permission
{
    Enabled,
    Disabled,
}
