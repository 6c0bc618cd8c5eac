namespace RegionSim.Errors;

/// <summary>
/// The error codes AppStream answers with. The wire name of each is the member name followed by
/// <c>Exception</c> (<see cref="AppStreamException.WireType"/>), as in the service model.
/// </summary>
[GenerateSerializer]
public enum AppStreamErrorCode
{
    ResourceNotFound,
    ResourceAlreadyExists,
    ResourceInUse,
    ResourceNotAvailable,
    LimitExceeded,
    OperationNotPermitted,
    InvalidParameterCombination,
    ConcurrentModification,
    IncompatibleImage,
    InvalidAccountStatus,
    InvalidRole,
    RequestLimitExceeded,

    /// <summary>Not in the model but answered by every AWS service for constraint violations.</summary>
    Validation,
}
