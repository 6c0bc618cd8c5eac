namespace RegionSim.Tests.Infrastructure;

/// <summary>Fresh account ids and names, so tests sharing a silo never meet.</summary>
public static class TestAccounts
{
    private static long _next = 100_000_000_000;

    public static string NewAccount() => Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string[] NewAccounts(int count) => Enumerable.Range(0, count).Select(_ => NewAccount()).ToArray();

    public static string NewName(string prefix = "img") => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 100)];
}
