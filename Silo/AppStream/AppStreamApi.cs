using Microsoft.Extensions.Logging.Abstractions;
using RegionSim.Errors;
using RegionSim.Validation;

namespace RegionSim.Silo.AppStream;

/// <summary>
/// AppStream's JSON 1.1 API, without HTTP: an operation by name, its JSON request, as an account in a
/// Region, answered with the JSON the service would send (output or error). The HTTP endpoint calls it
/// once it has authenticated a request; scripts call it in process with an <see cref="IGrainFactory"/>.
/// The grains decide every rule; this class only reads the request shape and writes the answer.
/// </summary>
public sealed class AppStreamApi(IGrainFactory grains, AppStreamOperations operations, ILogger<AppStreamApi> logger)
{
    public AppStreamApi(IGrainFactory grains) : this(grains, AppStreamOperations.All, NullLogger<AppStreamApi>.Instance)
    {
    }

    public AppStreamOperations Operations => operations;

    /// <summary>Calls <paramref name="operation"/> (e.g. <c>DescribeImages</c>) with a JSON body as <paramref name="accountId"/> in <paramref name="region"/>.</summary>
    public Task<AppStreamAnswer> InvokeAsync(string accountId, string region, string operation, string json) =>
        InvokeAsync(accountId, region, operation, System.Text.Encoding.UTF8.GetBytes(json));

    public Task<AppStreamAnswer> InvokeAsync(string accountId, string region, string operation, ReadOnlyMemory<byte> json)
    {
        try
        {
            var caller = new AppStreamCaller(Check.AccountId(accountId, "AccountId"), Check.Region(region, "Region"));
            return InvokeAsync(caller, operation, json);
        }
        catch (AppStreamException error)
        {
            return Task.FromResult(AppStreamAnswer.Error(error.WireType, error.Message));
        }
    }

    /// <summary>Calls an operation for a caller already known to be an account and an AppStream Region (the HTTP endpoint's case).</summary>
    public Task<AppStreamAnswer> InvokeAsync(AppStreamCaller caller, ReadOnlySpan<char> operation, ReadOnlyMemory<byte> json) =>
        operations.TryFind(operation, out var found)
            ? InvokeAsync(found, caller, json)
            : Task.FromResult(UnknownOperation(operation.ToString()));

    private async Task<AppStreamAnswer> InvokeAsync(AppStreamOperation operation, AppStreamCaller caller, ReadOnlyMemory<byte> json)
    {
        try
        {
            return await operation.InvokeAsync(grains, caller, json);
        }
        catch (AppStreamException error)
        {
            return AppStreamAnswer.Error(error.WireType, error.Message);
        }
        catch (WireFormatException error)
        {
            return AppStreamAnswer.Error(WireFormatException.WireType, error.Message);
        }
        catch (Exception error)
        {
            logger.LogError(error, "{Operation} failed for account {Account} in {Region}", operation.Name, caller.AccountId, caller.Region);
            return AppStreamAnswer.Error("InternalFailure", $"RegionSim failed on this request ({error.GetType().Name}: {error.Message}).", StatusCodes.Status500InternalServerError);
        }
    }

    public AppStreamAnswer UnknownOperation(string operation) =>
        AppStreamAnswer.Error("UnknownOperationException",
            $"AppStream has no operation '{operation}' that RegionSim simulates; it serves {string.Join(", ", operations.Names)}.");
}
