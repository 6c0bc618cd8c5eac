namespace RegionSim.ImageBuilders;

/// <summary>The life of an image builder (wire values PENDING, UPDATING_AGENT, RUNNING, ...).</summary>
[GenerateSerializer]
public enum ImageBuilderState
{
    Pending,
    UpdatingAgent,
    Running,
    Stopping,
    Stopped,
    Rebooting,
    Snapshotting,
    Deleting,
    Failed,
    Updating,
    PendingQualification,
    PendingSyncingApps,
    SyncingApps,
    PendingImageImport,
}
