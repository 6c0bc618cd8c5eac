using RegionSim.Client.Scripts.Steps;

namespace RegionSim.Client.Scripts;

/// <summary>
/// The steps a script can take besides AppStream operations (which go by their API name), with the
/// modifiers each accepts beyond the common ones. Simulator-level steps are lower-case, so that they never
/// pass for AppStream API.
/// </summary>
public static class StepKinds
{
    /// <summary>Modifiers every step takes.</summary>
    public static readonly string[] CommonModifiers = ["step", "account", "region", "save", "expect", "error", "count"];

    public sealed record Kind(string Name, string Usage, Func<StepSource, IStepAction?> Compile, bool NeedsAccount = true, params string[] Modifiers);

    public static IReadOnlyDictionary<string, Kind> All { get; } = Build();

    private static Dictionary<string, Kind> Build()
    {
        var kinds = new List<Kind>
        {
            new("advance", "<duration>: moves simulated time on", AdvanceStep.Compile, NeedsAccount: false),
            new("until", "<condition> (within: 1h, every: 1m): waits in simulated time", source => UntilStep.Compile(source, Model.AppStreamModel.Botocore), true, "within", "every"),
            new("image-assistant", "<operation and options> (builder: <name>): an Image Assistant CLI operation", ImageAssistantStep.Compile, true, "builder"),
            new("make-image", "{name, from, applications}: a private image from a base image, without a builder", MakeImageStep.Compile),
            new("region-capacity", "{instanceType, limit}: how many instances of a type the Region runs at once", RegionCapacityStep.Compile),
            new("scaling", "{fleet, RegisterScalableTarget, PutScalingPolicy, PutScheduledAction}: a fleet's scaling", ScalingStep.Compile),
        };
        kinds.AddRange(UserActionStep.Usage.Select(action => new Kind(action.Key, $"{action.Value}: a user's action", UserActionStep.Compile, NeedsAccount: false)));
        kinds.AddRange(BuilderStep.Usage.Select(action => new Kind(action.Key, $"{action.Value} (builder: <name>): done by hand on a builder", BuilderStep.Compile, true, "builder")));
        return kinds.ToDictionary(kind => kind.Name, StringComparer.Ordinal);
    }
}
