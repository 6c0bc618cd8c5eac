namespace RegionSim.Errors;

/// <summary>
/// A refusal decided by a grain: the AppStream error code and a message a person understands.
/// It crosses grain calls unchanged, so the endpoint only has to put it on the wire.
/// </summary>
[GenerateSerializer, Alias("RegionSim.AppStreamException")]
public sealed class AppStreamException : Exception
{
    public AppStreamException(AppStreamErrorCode code, string message) : base(message) => Code = code;

    [Id(0)]
    public AppStreamErrorCode Code { get; private set; }

    /// <summary>The <c>__type</c> the wire carries, e.g. <c>ResourceNotFoundException</c>.</summary>
    public string WireType => $"{Code}Exception";

    public static AppStreamException NotFound(string message) => new(AppStreamErrorCode.ResourceNotFound, message);
    public static AppStreamException AlreadyExists(string message) => new(AppStreamErrorCode.ResourceAlreadyExists, message);
    public static AppStreamException InUse(string message) => new(AppStreamErrorCode.ResourceInUse, message);
    public static AppStreamException NotAvailable(string message) => new(AppStreamErrorCode.ResourceNotAvailable, message);
    public static AppStreamException LimitExceeded(string message) => new(AppStreamErrorCode.LimitExceeded, message);
    public static AppStreamException NotPermitted(string message) => new(AppStreamErrorCode.OperationNotPermitted, message);
    public static AppStreamException InvalidCombination(string message) => new(AppStreamErrorCode.InvalidParameterCombination, message);
    public static AppStreamException ConcurrentModification(string message) => new(AppStreamErrorCode.ConcurrentModification, message);
    public static AppStreamException Incompatible(string message) => new(AppStreamErrorCode.IncompatibleImage, message);
    public static AppStreamException Invalid(string message) => new(AppStreamErrorCode.Validation, message);
}
