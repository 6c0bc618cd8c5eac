using RegionSim.Errors;

namespace RegionSim.Tests.Contracts;

/// <summary>Which failed calls are worth trying again: those that may not have reached their grain, never a grain's refusal.</summary>
public sealed class UndeliveredCallTests
{
    public static TheoryData<Exception> Undelivered() => new()
    {
        new SiloUnavailableException(),
        new TimeoutException("Response did not arrive on time"),
        new InvalidOperationException("wrapped", new SiloUnavailableException()),
        new AggregateException(new ArgumentException("a refusal"), new TimeoutException()),
    };

    public static TheoryData<Exception> Refused() => new()
    {
        AppStreamException.NotAvailable("Image img is COPYING; only an AVAILABLE image can be copied."),
        new ArgumentException("bad argument"),
        new AggregateException(new ArgumentException("a refusal")),
    };

    [Theory]
    [MemberData(nameof(Undelivered))]
    public void A_call_that_may_not_have_arrived_is_undelivered(Exception error) => Assert.True(UndeliveredCall.Is(error));

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_refusal_is_not(Exception error) => Assert.False(UndeliveredCall.Is(error));
}
