using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using RegionSim.Wire;

namespace RegionSim.Silo.AppStream;

/// <summary>One AppStream operation: its wire name, and how its request becomes a grain call and the answer JSON.</summary>
public abstract class AppStreamOperation(string name)
{
    public string Name => name;

    internal abstract Task<AppStreamAnswer> InvokeAsync(IGrainFactory grains, AppStreamCaller caller, ReadOnlyMemory<byte> body);
}

/// <summary>An operation whose request and output are the wire shapes <typeparamref name="TRequest"/> and <typeparamref name="TOutput"/>.</summary>
internal sealed class AppStreamOperation<TRequest, TOutput>(string name, Func<IGrainFactory, AppStreamCaller, TRequest, Task<TOutput>> call)
    : AppStreamOperation(name)
    where TRequest : class
{
    private static readonly JsonTypeInfo<TRequest> RequestShape = (JsonTypeInfo<TRequest>)AppStreamJson.Options.GetTypeInfo(typeof(TRequest));
    private static readonly JsonTypeInfo<TOutput> OutputShape = (JsonTypeInfo<TOutput>)WireOutput.Options.GetTypeInfo(typeof(TOutput));

    internal override async Task<AppStreamAnswer> InvokeAsync(IGrainFactory grains, AppStreamCaller caller, ReadOnlyMemory<byte> body)
    {
        var request = WireRequest.Read(body.Span, RequestShape);
        var output = await call(grains, caller, request);
        return AppStreamAnswer.Output(WireOutput.Encode(output, OutputShape));
    }
}

/// <summary>The output of operations that answer nothing but success: <c>{}</c>.</summary>
internal sealed record EmptyOutput
{
    public static readonly EmptyOutput Instance = new();
}
