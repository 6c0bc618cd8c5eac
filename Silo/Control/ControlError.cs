namespace RegionSim.Silo.Control;

/// <summary>How the control endpoints refuse: <c>{"error": "...", "message": "..."}</c> with an HTTP status.</summary>
public sealed record ControlError(string Error, string Message)
{
    public static IResult Result(int statusCode, string error, string message) =>
        Results.Json(new ControlError(error, message), statusCode: statusCode);
}
