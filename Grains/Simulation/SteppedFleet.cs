namespace RegionSim.Simulation;

/// <summary>
/// A fleet as its region's simulation steps it: the fleet's last answer, the step that answer began with,
/// and the grant the fleet is owed. The region's simulation grain and the fleets benchmark both step fleets
/// by it.
/// </summary>
internal class SteppedFleet(DateTimeOffset from)
{
    /// <summary>The fleet's last answer: its samples, when it is next due, the slots it asked for or gave back.</summary>
    public FleetStepResult Last { get; private set; } = new() { Samples = [], InstanceType = "", NextDue = from };

    /// <summary>The step the samples of <see cref="Last"/> begin with.</summary>
    public DateTimeOffset AnsweredFrom { get; private set; } = from;

    /// <summary>The region's grant for the slots the fleet last asked for, sent with its next step.</summary>
    public int SlotsGranted { get; set; }

    /// <summary>Whether the fleet is called at the step that ends at <paramref name="until"/>: it has not answered for it, and is due by then.</summary>
    public bool IsCalledAt(DateTimeOffset until, TimeSpan step) => !HasAnswered(until, step) && Last.IsDueBy(until);

    /// <summary>The step the fleet is called at, with the grant it is owed and how far it may run ahead.</summary>
    public FleetStep StepAt(DateTimeOffset until, TimeSpan step, DateTimeOffset runAheadUntil) => new()
    {
        Until = until,
        Length = step,
        SlotsGranted = SlotsGranted,
        SlotsAsked = Last.SlotsWanted,
        RunAheadUntil = runAheadUntil,
    };

    public void Answered(FleetStepResult result, DateTimeOffset until)
    {
        Last = result;
        AnsweredFrom = until;
        SlotsGranted = 0;
    }

    /// <summary>Whether the fleet's last answer ends with the step that ends at <paramref name="until"/>: slots change hands then.</summary>
    public bool AnswerEndsAt(DateTimeOffset until, TimeSpan step) => Last.Samples.Length > 0 && AnsweredThrough(step) == until;

    /// <summary>The fleet at the end of the step: from its answer, or as it last was when it had nothing due.</summary>
    public FleetSample SampleAt(DateTimeOffset until, TimeSpan step) => HasAnswered(until, step)
        ? Last.Samples[(int)((until - AnsweredFrom) / step)]
        : Last.Sample.Quiet();

    private bool HasAnswered(DateTimeOffset until, TimeSpan step) =>
        Last.Samples.Length > 0 && until >= AnsweredFrom && until <= AnsweredThrough(step);

    /// <summary>The end of the last step the fleet's last answer covers.</summary>
    private DateTimeOffset AnsweredThrough(TimeSpan step) => AnsweredFrom + (step * (Last.Samples.Length - 1));
}
