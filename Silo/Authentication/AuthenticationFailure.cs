namespace RegionSim.Silo.Authentication;

/// <summary>A request the endpoint refuses before any operation runs: the HTTP status, the AWS error type and its message.</summary>
public sealed class AuthenticationFailure(int statusCode, string errorType, string message) : Exception(message)
{
    public int StatusCode => statusCode;

    public string ErrorType => errorType;

    public static AuthenticationFailure MissingToken() =>
        new(StatusCodes.Status403Forbidden, "MissingAuthenticationTokenException", "Missing Authentication Token");

    public static AuthenticationFailure UnrecognizedClient() =>
        new(StatusCodes.Status403Forbidden, "UnrecognizedClientException", "The security token included in the request is invalid.");

    public static AuthenticationFailure InvalidSignature(string message) =>
        new(StatusCodes.Status403Forbidden, "InvalidSignatureException", message);

    /// <summary>The Authorization header is not a SigV4 header AWS could read (AWS answers these with HTTP 400).</summary>
    public static AuthenticationFailure Incomplete(string message) =>
        new(StatusCodes.Status400BadRequest, "IncompleteSignatureException", message);
}
