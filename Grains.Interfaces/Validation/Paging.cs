using System.Text;

namespace RegionSim.Validation;

/// <summary>
/// Pages of a listing. The token is opaque to clients; the last page carries none, because the AWS
/// CLI aborts when it receives the same token twice.
/// </summary>
public static class Paging
{
    private const string Prefix = "regionsim:";

    public static (IReadOnlyList<T> Page, string? NextToken) Slice<T>(IReadOnlyList<T> all, int offset, int pageSize)
    {
        var page = all.Skip(offset).Take(pageSize).ToList();
        var next = offset + page.Count;
        return (page, next < all.Count ? Token(next) : null);
    }

    public static string Token(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Prefix}{offset}"));

    public static bool TryReadToken(string token, out int offset)
    {
        offset = 0;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            return text.StartsWith(Prefix, StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(Prefix.Length), out offset)
                && offset >= 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
