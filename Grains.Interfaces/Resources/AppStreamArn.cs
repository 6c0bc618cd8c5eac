using System.Text.RegularExpressions;
using RegionSim.Errors;

namespace RegionSim.Resources;

/// <summary>An AppStream ARN taken apart: <c>arn:aws:appstream:region:account:type/name</c>.</summary>
public sealed partial record AppStreamArn(string Region, string Account, ResourceKind Kind, string Name)
{
    public ResourceKey Key => new(Region, Account.Length == 0 ? ResourceKey.AwsOwner : Account, Name);

    public static bool TryParse(string? arn, out AppStreamArn? parsed)
    {
        parsed = null;
        var match = arn is null ? null : Shape().Match(arn);
        if (match is null || !match.Success)
        {
            return false;
        }

        var kind = ResourceKindNames.FromArnType(match.Groups["type"].Value);
        if (kind is null)
        {
            return false;
        }

        parsed = new AppStreamArn(match.Groups["region"].Value, match.Groups["account"].Value, kind.Value, match.Groups["name"].Value);
        return true;
    }

    /// <summary>Parses an ARN given in a request member, or refuses it with a message naming the member.</summary>
    public static AppStreamArn Parse(string arn, string member)
    {
        if (!TryParse(arn, out var parsed))
        {
            throw AppStreamException.Invalid(
                $"1 validation error detected: Value '{arn}' at '{member}' failed to satisfy constraint: " +
                "Member must be an AppStream ARN of the form arn:aws:appstream:<region>:<account>:<type>/<name>");
        }

        return parsed!;
    }

    [GeneratedRegex(@"^arn:aws:appstream:(?<region>[a-z0-9-]+):(?<account>\d{12}|):(?<type>[a-z-]+)/(?<name>[^/]+)$")]
    private static partial Regex Shape();
}
