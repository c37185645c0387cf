namespace ReplayWorkflows.Data.Records;

/// <summary>A replay request's lifecycle.</summary>
public enum ReplayStatus
{
    Queued,
    InProgress,
    Complete,
    Failed,
}
