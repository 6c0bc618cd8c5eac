namespace RegionSim.Sessions;

/// <summary>
/// Session and instance ids. Both are deterministic (the same scenario gives the same ids) and begin
/// with a hash of the fleet's key, so an account can tell which of its fleets holds a session from the
/// id alone (ExpireSession names nothing else).
/// </summary>
public static class SessionIds
{
    /// <summary>What every session id of one fleet begins with (a fleet makes it once, not per session): its hash and its creation, UUID-shaped.</summary>
    public static string SessionPrefix(uint fleetHash, long fleetCreatedTicks)
    {
        var created = Fnv(fleetCreatedTicks.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return $"{fleetHash:x8}-{created >> 16:x4}-4{created & 0xfff:x3}-8{(created >> 4) & 0xfff:x3}-";
    }

    /// <summary>A UUID-shaped session id: its fleet's <see cref="SessionPrefix"/> and the session's number.</summary>
    /// <remarks>Ids are written digit by digit rather than through string formatting: a fleet stored or listed writes one for each of its sessions and instances.</remarks>
    public static string Session(string prefix, long number) =>
        string.Create(prefix.Length + 12, (prefix, number), static (chars, id) =>
        {
            id.prefix.CopyTo(chars);
            WriteHex(chars[id.prefix.Length..], (ulong)id.number, 12);
        });

    /// <summary>An EC2-shaped instance id, <c>i-</c> and 17 hex digits.</summary>
    public static string Instance(uint fleetHash, long number) =>
        string.Create(19, (fleetHash, number), static (chars, id) =>
        {
            chars[0] = 'i';
            chars[1] = '-';
            WriteHex(chars.Slice(2, 8), id.fleetHash, 8);
            WriteHex(chars[10..], (ulong)id.number, 9);
        });

    /// <summary>The hash that begins the ids of the fleet with that key (<c>region/account/name</c>).</summary>
    public static uint FleetHash(string fleetKey) => Fnv(fleetKey);

    public static bool TryReadFleetHash(string? sessionId, out uint fleetHash)
    {
        fleetHash = 0;
        return sessionId is { Length: 36 }
            && uint.TryParse(sessionId.AsSpan(0, 8), System.Globalization.NumberStyles.AllowHexSpecifier, null, out fleetHash);
    }

    /// <summary>The lowest <paramref name="digits"/> hex digits of <paramref name="value"/>, in lower case, filling <paramref name="into"/>.</summary>
    private static void WriteHex(Span<char> into, ulong value, int digits)
    {
        for (var i = digits - 1; i >= 0; i--, value >>= 4)
        {
            into[i] = "0123456789abcdef"[(int)(value & 0xf)];
        }
    }

    // FNV-1a: stable across processes, unlike string.GetHashCode.
    private static uint Fnv(string text)
    {
        var hash = 2166136261;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619;
        }

        return hash;
    }
}
