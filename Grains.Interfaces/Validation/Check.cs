using System.Text.RegularExpressions;
using RegionSim.Errors;
using RegionSim.Regions;

namespace RegionSim.Validation;

/// <summary>
/// The constraints of the AppStream model (required members, patterns, lengths, documented ranges).
/// Refusals are <c>ValidationException</c>s worded as AWS words them, naming the member.
/// </summary>
public static partial class Check
{
    public const string NamePattern = "^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,100}$";

    public static T Required<T>(T? value, string member) where T : class =>
        value ?? throw Fail($"Value null at '{member}' failed to satisfy constraint: Member must not be null");

    public static T Required<T>(T? value, string member) where T : struct =>
        value ?? throw Fail($"Value null at '{member}' failed to satisfy constraint: Member must not be null");

    /// <summary>A resource name: <c>^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,100}$</c>.</summary>
    public static string Name(string? value, string member)
    {
        Required(value, member);
        return NameShape().IsMatch(value!)
            ? value!
            : throw Fail($"Value '{value}' at '{member}' failed to satisfy constraint: Member must satisfy regular expression pattern: {NamePattern}");
    }

    /// <summary>A 12-digit AWS account id.</summary>
    public static string AccountId(string? value, string member)
    {
        Required(value, member);
        return AccountShape().IsMatch(value!)
            ? value!
            : throw Fail($"Value '{value}' at '{member}' failed to satisfy constraint: Member must be a 12-digit AWS account ID");
    }

    /// <summary>A region where AppStream runs.</summary>
    public static string Region(string? value, string member)
    {
        Required(value, member);
        return AwsRegions.IsKnown(value!)
            ? value!
            : throw Fail($"Value '{value}' at '{member}' failed to satisfy constraint: Member must be an AWS Region where AppStream 2.0 is available ({string.Join(", ", AwsRegions.Codes)})");
    }

    public static string? MaxLength(string? value, int max, string member) =>
        value is null || value.Length <= max
            ? value
            : throw Fail($"Value at '{member}' failed to satisfy constraint: Member must have length less than or equal to {max}");

    public static string? MinLength(string? value, int min, string member) =>
        value is null || value.Length >= min
            ? value
            : throw Fail($"Value '{value}' at '{member}' failed to satisfy constraint: Member must have length greater than or equal to {min}");

    public static int? Range(int? value, int min, int max, string member) =>
        value is null || (value >= min && value <= max)
            ? value
            : throw Fail($"Value '{value}' at '{member}' failed to satisfy constraint: Member must have value between {min} and {max}");

    public static long? Range(long? value, long min, long max, string member) =>
        value is null || (value >= min && value <= max)
            ? value
            : throw Fail($"Value '{value}' at '{member}' failed to satisfy constraint: Member must have value between {min} and {max}");

    /// <summary>Tags: 1 to 50 entries, keys of 1-128 characters not starting with <c>aws:</c>, values up to 256.</summary>
    public static IReadOnlyDictionary<string, string>? Tags(IReadOnlyDictionary<string, string>? tags, string member)
    {
        if (tags is null)
        {
            return null;
        }

        if (tags.Count is < 1 or > 50)
        {
            throw Fail($"Value at '{member}' failed to satisfy constraint: Member must have between 1 and 50 entries");
        }

        foreach (var (key, value) in tags)
        {
            TagKey(key, $"{member}.key");
            if (value is null || value.Length > 256 || !TagValueShape().IsMatch(value))
            {
                throw Fail($"Value '{value}' at '{member}.{key}' failed to satisfy constraint: Member must have length less than or equal to 256 and satisfy regular expression pattern: ^([\\p{{L}}\\p{{Z}}\\p{{N}}_.:/=+\\-@]*)$");
            }
        }

        return tags;
    }

    public static string TagKey(string? key, string member)
    {
        Required(key, member);
        if (key!.Length is < 1 or > 128 || !TagKeyShape().IsMatch(key))
        {
            throw Fail($"Value '{key}' at '{member}' failed to satisfy constraint: Member must have length between 1 and 128, must not start with 'aws:' and must satisfy regular expression pattern: ^(^(?!aws:).[\\p{{L}}\\p{{Z}}\\p{{N}}_.:/=+\\-@]*)$");
        }

        return key;
    }

    /// <summary>An opaque paging token this simulator issued: the offset into a listing.</summary>
    public static int PageOffset(string? nextToken, string member = "NextToken")
    {
        if (string.IsNullOrEmpty(nextToken))
        {
            return 0;
        }

        return Paging.TryReadToken(nextToken, out var offset)
            ? offset
            : throw Fail($"Value '{nextToken}' at '{member}' failed to satisfy constraint: Member must be a NextToken returned by a previous call");
    }

    /// <summary>An AppStream instance type: the model's InstanceType pattern, and one of the <c>stream.*</c> types AppStream offers.</summary>
    public static string InstanceType(string? value, string member)
    {
        Required(value, member);
        if (!InstanceTypeShape().IsMatch(value!))
        {
            throw Fail($"Value '{value}' at '{member}' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9-]+(\\.[a-z0-9-]+)+\\.(small|medium|large|xlarge|\\d+xlarge|metal)$");
        }

        return Fleets.StreamingInstanceTypes.IsKnown(value!)
            ? value!
            : throw Fail($"Value '{value}' at '{member}' failed to satisfy constraint: Member must be an AppStream 2.0 instance type such as stream.standard.medium");
    }

    /// <summary>The user of a streaming URL: 2-32 characters of <c>[\w+=,.@-]</c>.</summary>
    public static string StreamingUserId(string? value, string member)
    {
        Required(value, member);
        return value!.Length is >= 2 and <= 32 && StreamingUserShape().IsMatch(value)
            ? value
            : throw Fail($"Value '{value}' at '{member}' failed to satisfy constraint: Member must have length between 2 and 32 and satisfy regular expression pattern: [\\w+=,.@-]*");
    }

    /// <summary>A number of items between <paramref name="min"/> and <paramref name="max"/>, when the list is given.</summary>
    public static IReadOnlyList<T>? Count<T>(IReadOnlyList<T>? items, int min, int max, string member) =>
        items is null || (items.Count >= min && items.Count <= max)
            ? items
            : throw Fail($"Value at '{member}' failed to satisfy constraint: Member must have between {min} and {max} items");

    /// <summary>
    /// An image name as Image Assistant's create-image takes it: at most 100 characters of [a-zA-Z0-9_.-],
    /// starting with a letter or digit (as every image name does), and not starting with aws, appstream or
    /// amazon in any case (AWS keeps those).
    /// </summary>
    public static string ImageAssistantImageName(string? value, string member)
    {
        Name(value, member);
        MaxLength(value, 100, member);
        var reserved = ReservedImageNamePrefixes.FirstOrDefault(prefix => value!.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
        return reserved is null
            ? value!
            : throw Fail($"Value '{value}' at '{member}' failed to satisfy constraint: Member must not start with '{reserved}' (the prefixes aws, appstream and amazon are reserved for AWS use)");
    }

    /// <summary>A value that must be one of <paramref name="allowed"/>.</summary>
    public static string OneOf(string? value, IReadOnlyCollection<string> allowed, string member)
    {
        Required(value, member);
        return allowed.Contains(value!)
            ? value!
            : throw Fail($"Value '{value}' at '{member}' failed to satisfy constraint: Member must be one of {string.Join(", ", allowed)}");
    }

    private static readonly string[] ReservedImageNamePrefixes = ["aws", "appstream", "amazon"];

    private static AppStreamException Fail(string detail) => AppStreamException.Invalid($"1 validation error detected: {detail}");

    [GeneratedRegex(NamePattern)]
    private static partial Regex NameShape();

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex AccountShape();

    [GeneratedRegex(@"^(^(?!aws:).[\p{L}\p{Z}\p{N}_.:/=+\-@]*)$")]
    private static partial Regex TagKeyShape();

    [GeneratedRegex(@"^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$")]
    private static partial Regex TagValueShape();

    [GeneratedRegex(@"^[a-zA-Z0-9-]+(\.[a-z0-9-]+)+\.(small|medium|large|xlarge|\d+xlarge|metal)$")]
    private static partial Regex InstanceTypeShape();

    [GeneratedRegex(@"^[\w+=,.@-]*$")]
    private static partial Regex StreamingUserShape();
}
