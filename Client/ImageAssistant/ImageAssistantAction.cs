using System.CommandLine;
using System.CommandLine.Invocation;
using Microsoft.Extensions.DependencyInjection;
using RegionSim.Errors;
using RegionSim.ImageBuilders;
using RegionSim.Validation;

namespace RegionSim.Client.ImageAssistant;

/// <summary>
/// Runs one Image Assistant operation: checks what was typed, connects to the cluster, calls the builder
/// grain and prints its answer. Whatever goes wrong before the builder answers (a bad argument, no
/// cluster) is printed the same way, with status 255, since Image Assistant answers only in JSON.
/// </summary>
public sealed class ImageAssistantAction(
    ImageAssistantOptions options,
    Func<ParseResult, IImageBuilderGrain, Task<ImageAssistantResult>> operation,
    Func<ParseResult, string?>? check = null) : AsynchronousCommandLineAction
{
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    // Parse errors are answered in JSON here rather than by System.CommandLine's own printing.
    public override bool ClearsParseErrors => true;

    public override async Task<int> InvokeAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var answer = await RunAsync(result, cancellationToken);
        foreach (var warning in answer.Warnings)
        {
            await result.InvocationConfiguration.Error.WriteLineAsync($"Warning: {warning}");
        }

        await result.InvocationConfiguration.Output.WriteLineAsync(ImageAssistantOutput.Format(answer));
        return answer.Status;
    }

    /// <summary>What is wrong with the words typed (a bad option, an unknown argument), as Image Assistant says it; null when nothing.</summary>
    public static string? ParseProblem(ParseResult result) =>
        result.Errors.Count > 0 ? string.Join(" ", result.Errors.Select(error => error.Message))
        : result.UnmatchedTokens.Count > 0 ? $"Unrecognized arguments: {string.Join(" ", result.UnmatchedTokens)}. Run help for the operations and their options."
        : null;

    /// <summary>What the operation itself refuses before it reaches the builder (a missing option, options that exclude each other); null when nothing.</summary>
    public string? OperationProblem(ParseResult result) => check?.Invoke(result);

    /// <summary>Runs the operation on <paramref name="builder"/>.</summary>
    public Task<ImageAssistantResult> CallAsync(ParseResult result, IImageBuilderGrain builder) => operation(result, builder);

    private async Task<ImageAssistantResult> RunAsync(ParseResult result, CancellationToken cancellationToken)
    {
        if (ParseProblem(result) is { } parseProblem)
        {
            return ImageAssistantResult.Error(parseProblem);
        }

        string account, region, builderName;
        try
        {
            account = Check.AccountId(result.GetValue(options.Account), "--account");
            region = Check.Region(result.GetValue(options.Region), "--region");
            builderName = Check.Name(result.GetValue(options.ImageBuilder), "--image-builder");
        }
        catch (AppStreamException error)
        {
            return ImageAssistantResult.Error(error.Message);
        }

        if (OperationProblem(result) is { } problem)
        {
            return ImageAssistantResult.Error(problem);
        }

        using var connecting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        connecting.CancelAfter(ConnectTimeout);
        try
        {
            using var host = await options.Connection.ConnectAsync(result, connecting.Token);
            var grains = host.Services.GetRequiredService<IGrainFactory>();
            var answer = await CallAsync(result, grains.GetImageBuilder(region, account, builderName));
            await host.StopAsync(cancellationToken);
            return answer;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ImageAssistantResult.Error($"No RegionSim silo answered at {result.GetValue(options.Connection.Redis) ?? result.GetValue(options.Connection.Gateway)} within {ConnectTimeout.TotalSeconds} s.");
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return ImageAssistantResult.Error($"{error.GetType().Name}: {error.Message}");
        }
    }
}
