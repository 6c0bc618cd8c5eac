using System.Text.Json;
using RegionSim.Errors;
using RegionSim.Silo.Control;
using RegionSim.Silo.Hosting;
using RegionSim.Wire;

namespace RegionSim.Silo.Sessions;

/// <summary>
/// The user's side of streaming over HTTP, through <see cref="StreamingSessions"/>:
/// <c>GET /authenticate?parameters=TOKEN</c> opens a streaming URL (the token is the secret: no other
/// credentials, as with AppStream); <c>GET /_regionsim/sessions/&lt;id&gt;</c> and
/// <c>POST /_regionsim/sessions/&lt;id&gt;/&lt;action&gt;</c> read and act on a session for the local operator
/// only (session ids are deterministic and listed by DescribeSessions, so they are not secrets).
/// Refusals are <c>{"error": "...Exception", "message": ...}</c>.
/// </summary>
public static class StreamingSessionEndpoints
{
    private const int MaxActionBodyBytes = 64 * 1024;

    public static IServiceCollection AddStreamingSessions(this IServiceCollection services) =>
        services.AddSingleton(provider => new StreamingSessions(provider.GetRequiredService<IGrainFactory>()));

    public static IEndpointRouteBuilder MapStreamingSessions(this IEndpointRouteBuilder routes, RegionSimSiloOptions options)
    {
        routes.MapGet(RegionSim.Sessions.StreamingUrls.Path, (HttpRequest request, StreamingSessions sessions) =>
            AnswerAsync(async () =>
            {
                var opened = await sessions.OpenAsync(request.Query[RegionSim.Sessions.StreamingUrls.Parameter].ToString());
                return opened.Session is { } session ? session : new { opened.ImageBuilder };
            }));

        var operatorOnly = routes.MapGroup($"{ControlEndpoints.Prefix}/sessions").AddEndpointFilter(new OperatorTokenFilter(options.OperatorToken));
        operatorOnly.MapGet("/{sessionId}", (string sessionId, StreamingSessions sessions) =>
            AnswerAsync(async () => await sessions.GetAsync(sessionId)));
        operatorOnly.MapPost("/{sessionId}/{action}", async (string sessionId, string action, HttpRequest request, StreamingSessions sessions) =>
        {
            if (!StreamingSessions.Actions.Contains(action))
            {
                return ControlError.Result(StatusCodes.Status404NotFound, "UnknownAction",
                    $"'{action}' is not something a user does in a session; POST /_regionsim/sessions/<SessionId>/<action> with action one of {string.Join(", ", StreamingSessions.Actions)}.");
            }

            var (body, refusal) = await ReadActionBodyAsync(request);
            return refusal ?? await AnswerAsync(async () => await sessions.ActAsync(sessionId, action, body.Name, body.Value));
        });
        return routes;
    }

    private static async Task<IResult> AnswerAsync(Func<Task<object>> call)
    {
        try
        {
            return Results.Json(await call(), AppStreamJson.Options);
        }
        catch (AppStreamException refused)
        {
            return ControlError.Result(StatusOf(refused.Code), refused.WireType, refused.Message);
        }
    }

    private static int StatusOf(AppStreamErrorCode code) => code switch
    {
        AppStreamErrorCode.ResourceNotFound => StatusCodes.Status404NotFound,
        AppStreamErrorCode.OperationNotPermitted => StatusCodes.Status403Forbidden,
        AppStreamErrorCode.ResourceNotAvailable or AppStreamErrorCode.ConcurrentModification => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>The optional body of an action: <c>{"name": "...", "value": "..."}</c>.</summary>
    private static async Task<((string? Name, string? Value) Body, IResult? Refusal)> ReadActionBodyAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxActionBodyBytes)
        {
            return (default, ControlError.Result(StatusCodes.Status413PayloadTooLarge, "TooLarge", $"A session action's body is {{\"name\": ..., \"value\": ...}}; this one is over {MaxActionBodyBytes} bytes."));
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        if (buffer.Length > MaxActionBodyBytes)
        {
            return (default, ControlError.Result(StatusCodes.Status413PayloadTooLarge, "TooLarge", $"A session action's body is over {MaxActionBodyBytes} bytes."));
        }

        if (buffer.Length == 0 || buffer.ToArray().All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            return ((null, null), null);
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (default, InvalidBody("must be a JSON object"));
            }

            string? Member(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            foreach (var member in new[] { "name", "value" })
            {
                if (root.TryGetProperty(member, out var value) && value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                {
                    return (default, InvalidBody($"member '{member}' must be a string"));
                }
            }

            return ((Member("name"), Member("value")), null);
        }
        catch (JsonException error)
        {
            return (default, InvalidBody($"is not valid JSON: {error.Message}"));
        }
    }

    private static IResult InvalidBody(string problem) =>
        ControlError.Result(StatusCodes.Status400BadRequest, "InvalidRequest", $"A session action's body is {{\"name\": ..., \"value\": ...}}; this one {problem}.");
}
