using RegionSim.Sessions;

namespace RegionSim.Tests.Sessions;

/// <summary>The ids are written digit by digit; these hold them to the shape string formatting gives.</summary>
public sealed class SessionIdsTests
{
    public static TheoryData<long> Numbers => [0, 1, 15, 16, 255, 4096, 123_456_789, 0xfffffffff, 0x1000000000, 0xffffffffffff, 0x1000000000000, long.MaxValue];

    [Theory]
    [MemberData(nameof(Numbers))]
    public void A_session_id_is_the_fleets_prefix_and_the_last_twelve_hex_digits_of_its_number(long number)
    {
        var prefix = SessionIds.SessionPrefix(SessionIds.FleetHash("us-east-1/123456789012/fleet"), 638_000_000_000_000_000);

        var id = SessionIds.Session(prefix, number);

        Assert.Equal($"{prefix}{number & 0xffffffffffff:x12}", id);
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$", id);
        Assert.True(SessionIds.TryReadFleetHash(id, out var hash));
        Assert.Equal(SessionIds.FleetHash("us-east-1/123456789012/fleet"), hash);
    }

    [Theory]
    [MemberData(nameof(Numbers))]
    public void An_instance_id_is_i_the_fleets_hash_and_the_last_nine_hex_digits_of_its_number(long number)
    {
        foreach (var hash in new uint[] { 0, 0xa, 0xdeadbeef, uint.MaxValue })
        {
            Assert.Equal($"i-{hash:x8}{number & 0xfffffffff:x9}", SessionIds.Instance(hash, number));
        }
    }
}
