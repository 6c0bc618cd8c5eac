using System.Buffers;
using System.IO.Pipelines;
using Microsoft.Net.Http.Headers;
using RegionSim.Silo.Authentication;

namespace RegionSim.Silo.AppStream;

/// <summary>
/// AppStream's JSON 1.1 endpoint: <c>POST /</c> with <c>X-Amz-Target: PhotonAdminProxyService.&lt;Operation&gt;</c>,
/// signed with SigV4. Reads the body (at most <see cref="MaxBodyBytes"/>), authenticates it, checks it
/// is AWS JSON, and hands it to <see cref="AppStreamApi"/>; every answer carries <c>x-amzn-RequestId</c>.
/// </summary>
public sealed class AppStreamEndpoint(AppStreamApi api, SigV4Verifier verifier)
{
    public const int MaxBodyBytes = 1024 * 1024;
    public const string TargetPrefix = "PhotonAdminProxyService.";
    public const string JsonContentType = "application/x-amz-json-1.1";

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        var body = await ReadBodyAsync(request, context.RequestAborted);
        AppStreamAnswer answer;
        try
        {
            answer = body.Length > MaxBodyBytes
                ? AppStreamAnswer.Error("RequestEntityTooLargeException",
                    $"The request body is larger than {MaxBodyBytes} bytes (1 MiB), the most the AppStream endpoint accepts.", StatusCodes.Status413PayloadTooLarge)
                : await AnswerAsync(request, body.Buffer.AsMemory(0, body.Length));
        }
        catch (AuthenticationFailure failure)
        {
            answer = AppStreamAnswer.Error(failure.ErrorType, failure.Message, failure.StatusCode);
        }
        finally
        {
            body.Return();
        }

        response.StatusCode = answer.StatusCode;
        response.ContentType = JsonContentType;
        response.ContentLength = answer.Json.Length;
        EndpointTelemetry.Record(api.Operations, request, answer);
        await response.Body.WriteAsync(answer.Json, context.RequestAborted);
    }

    private Task<AppStreamAnswer> AnswerAsync(HttpRequest request, ReadOnlyMemory<byte> body)
    {
        var caller = verifier.Verify(request, body.Span);
        string? target = request.Headers["X-Amz-Target"];
        if (target is null || !target.StartsWith(TargetPrefix, StringComparison.Ordinal))
        {
            return Task.FromResult(AppStreamAnswer.Error("UnknownOperationException",
                $"The X-Amz-Target header must name an operation as {TargetPrefix}<Operation>, not '{target}'."));
        }

        if (!IsJson(request.ContentType))
        {
            return Task.FromResult(AppStreamAnswer.Error("UnknownOperationException",
                $"AppStream operations take AWS JSON 1.1 (Content-Type: {JsonContentType}), not '{request.ContentType}'."));
        }

        // URLs in answers (streaming URLs) point where the client reached this silo.
        var origin = request.Host.HasValue ? $"{request.Scheme}://{request.Host}" : null;
        return api.InvokeAsync(caller with { Origin = origin }, target.AsSpan(TargetPrefix.Length), body);
    }

    /// <summary>No Content-Type, or a JSON one: <c>application/x-amz-json-1.1</c> (1.0 and plain <c>application/json</c> too).</summary>
    private static bool IsJson(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType) || string.Equals(contentType, JsonContentType, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return false;
        }

        var type = media.MediaType.Value;
        return string.Equals(type, JsonContentType, StringComparison.OrdinalIgnoreCase)
            || string.Equals(type, "application/x-amz-json-1.0", StringComparison.OrdinalIgnoreCase)
            || string.Equals(type, "application/json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The body in a pooled buffer; reading stops past <see cref="MaxBodyBytes"/>, so a too-large body is never held.</summary>
    private static async Task<PooledBody> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return new PooledBody([], MaxBodyBytes + 1, Pooled: false);
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)(request.ContentLength ?? 4096) + 1);
        var length = 0;
        var reader = request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(cancellationToken);
            foreach (var segment in read.Buffer)
            {
                if (length + segment.Length > MaxBodyBytes)
                {
                    reader.AdvanceTo(read.Buffer.End);
                    ArrayPool<byte>.Shared.Return(buffer);
                    return new PooledBody([], MaxBodyBytes + 1, Pooled: false);
                }

                if (length + segment.Length > buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Max(buffer.Length * 2, length + segment.Length));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                segment.Span.CopyTo(buffer.AsSpan(length));
                length += segment.Length;
            }

            reader.AdvanceTo(read.Buffer.End);
            if (read.IsCompleted)
            {
                return new PooledBody(buffer, length, Pooled: true);
            }
        }
    }

    private readonly record struct PooledBody(byte[] Buffer, int Length, bool Pooled)
    {
        public void Return()
        {
            if (Pooled)
            {
                ArrayPool<byte>.Shared.Return(Buffer);
            }
        }
    }
}
