using System.Text.RegularExpressions;
using RegionSim.Errors;
using RegionSim.Validation;
using RegionSim.Wire;

namespace RegionSim.Stacks;

/// <summary>The rules of CreateStack and UpdateStack members.</summary>
internal static partial class StackRequestRules
{
    public static void CheckMembers(string? description, string? displayName, string? redirectUrl, string? feedbackUrl,
        IReadOnlyList<UserSetting>? userSettings, ApplicationSettings? applicationSettings, IReadOnlyList<AccessEndpoint>? accessEndpoints,
        IReadOnlyList<string>? embedHostDomains, IReadOnlyList<StorageConnector>? storageConnectors)
    {
        Check.MaxLength(description, 256, "Description");
        Check.MaxLength(displayName, 100, "DisplayName");
        Check.MaxLength(redirectUrl, 1000, "RedirectURL");
        Check.MaxLength(feedbackUrl, 1000, "FeedbackURL");
        foreach (var setting in Check.Count(userSettings, 1, 100, "UserSettings") ?? [])
        {
            Check.Required(setting.Action, "UserSettings.Action");
            Check.Required(setting.Permission, "UserSettings.Permission");
            Check.Range(setting.MaximumLength, 1, 20_971_520, "UserSettings.MaximumLength");
            if (setting.MaximumLength is not null && setting.Action is not (UserSettingAction.ClipboardCopyFromLocalDevice or UserSettingAction.ClipboardCopyToLocalDevice))
            {
                throw AppStreamException.InvalidCombination($"MaximumLength limits clipboard copies only, not {WireNames.Of(setting.Action!.Value)}.");
            }
        }

        if (userSettings?.GroupBy(setting => setting.Action).Any(group => group.Count() > 1) == true)
        {
            throw AppStreamException.InvalidCombination("UserSettings names an action more than once.");
        }

        if (applicationSettings is not null)
        {
            Check.Required(applicationSettings.Enabled, "ApplicationSettings.Enabled");
            Check.MaxLength(applicationSettings.SettingsGroup, 100, "ApplicationSettings.SettingsGroup");
        }

        foreach (var endpoint in Check.Count(accessEndpoints, 1, 4, "AccessEndpoints") ?? [])
        {
            Check.Required(endpoint.EndpointType, "AccessEndpoints.EndpointType");
        }

        foreach (var domain in Check.Count(embedHostDomains, 1, 20, "EmbedHostDomains") ?? [])
        {
            if (Check.MaxLength(Check.Required(domain, "EmbedHostDomains"), 128, "EmbedHostDomains") is { } value && !DomainShape().IsMatch(value))
            {
                throw AppStreamException.Invalid($"1 validation error detected: Value '{value}' at 'EmbedHostDomains' failed to satisfy constraint: Member must be a domain name such as example.com");
            }
        }

        foreach (var connector in storageConnectors ?? [])
        {
            Check.Required(connector.ConnectorType, "StorageConnectors.ConnectorType");
            Check.MaxLength(connector.ResourceIdentifier, 2048, "StorageConnectors.ResourceIdentifier");
            Check.Count(connector.Domains, 0, 50, "StorageConnectors.Domains");
        }
    }

    [GeneratedRegex(@"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9][a-z0-9-]{0,61}[a-z0-9]$")]
    private static partial Regex DomainShape();
}
