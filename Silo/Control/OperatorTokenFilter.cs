using System.Security.Cryptography;
using System.Text;

namespace RegionSim.Silo.Control;

/// <summary>
/// Lets through only requests with <c>Authorization: Bearer &lt;operator token&gt;</c>: 401 without one,
/// 403 with another.
/// </summary>
public sealed class OperatorTokenFilter(string operatorToken) : IEndpointFilter
{
    private readonly byte[] _token = Encoding.UTF8.GetBytes(operatorToken);

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        string? authorization = context.HttpContext.Request.Headers.Authorization;
        if (string.IsNullOrEmpty(authorization))
        {
            context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return ValueTask.FromResult<object?>(ControlError.Result(StatusCodes.Status401Unauthorized, "MissingToken",
                "The /_regionsim/ control endpoints are for the local operator: send Authorization: Bearer <operator token> (RegionSim:OperatorToken, default regionsim-operator)."));
        }

        const string scheme = "Bearer ";
        var presented = authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? authorization[scheme.Length..].Trim() : "";
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _token))
        {
            return ValueTask.FromResult<object?>(ControlError.Result(StatusCodes.Status403Forbidden, "InvalidToken",
                "The bearer token is not this silo's operator token (RegionSim:OperatorToken)."));
        }

        return next(context);
    }
}
