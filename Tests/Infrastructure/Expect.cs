using RegionSim.Errors;

namespace RegionSim.Tests.Infrastructure;

public static class Expect
{
    /// <summary>Awaits a call that must be refused with <paramref name="code"/>; answers the refusal.</summary>
    public static async Task<AppStreamException> Refused(AppStreamErrorCode code, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<AppStreamException>(call);
        Assert.True(code == error.Code, $"Expected {code}, got {error.Code}: {error.Message}");
        return error;
    }
}
