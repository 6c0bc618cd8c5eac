using System.Text.RegularExpressions;

namespace RegionSim.Silo.Authentication;

/// <summary>An access key the endpoint accepts, and the account whose resources it acts on.</summary>
public sealed record AccessKey(string AccessKeyId, string AccountId, string SecretAccessKey);

/// <summary>
/// The access keys the endpoint accepts: those configured under <c>RegionSim:Credentials</c>, or, when
/// none are, the demo accounts 111111111111, 222222222222 and 333333333333, each with its account id as
/// access key id and the secret <see cref="DemoSecret"/>.
/// </summary>
public sealed partial class AccessKeys
{
    public const string DemoSecret = "regionsim-demo";

    public static IReadOnlyList<string> DemoAccounts { get; } = ["111111111111", "222222222222", "333333333333"];

    private readonly Dictionary<string, AccessKey> _byId;

    public AccessKeys(IReadOnlyDictionary<string, CredentialOptions>? configured)
    {
        var credentials = configured is { Count: > 0 }
            ? configured
            : DemoAccounts.ToDictionary(account => account, _ => new CredentialOptions { SecretAccessKey = DemoSecret });
        _byId = credentials.ToDictionary(
            entry => entry.Key,
            entry => new AccessKey(entry.Key, AccountOf(entry.Key, entry.Value), entry.Value.SecretAccessKey),
            StringComparer.Ordinal);
    }

    public IReadOnlyCollection<AccessKey> All => _byId.Values;

    public bool TryFind(string accessKeyId, out AccessKey key) => _byId.TryGetValue(accessKeyId, out key!);

    /// <summary>Refuses, with a message naming the access key, a configuration the endpoint could not use.</summary>
    public static void Validate(IReadOnlyDictionary<string, CredentialOptions>? configured)
    {
        foreach (var (accessKeyId, credential) in configured ?? new Dictionary<string, CredentialOptions>())
        {
            if (string.IsNullOrEmpty(credential.SecretAccessKey))
            {
                throw new ArgumentException($"Access key {accessKeyId} has no SecretAccessKey (RegionSim:Credentials:{accessKeyId}:SecretAccessKey).");
            }

            _ = AccountOf(accessKeyId, credential);
        }
    }

    private static string AccountOf(string accessKeyId, CredentialOptions credential)
    {
        var account = credential.AccountId ?? accessKeyId;
        return AccountShape().IsMatch(account)
            ? account
            : throw new ArgumentException(
                $"Access key {accessKeyId} needs a 12-digit AccountId (RegionSim:Credentials:{accessKeyId}:AccountId), not '{account}'.");
    }

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex AccountShape();
}
