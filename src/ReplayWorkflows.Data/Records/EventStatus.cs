namespace ReplayWorkflows.Data.Records;

/// <summary>An event's lifecycle: queued until its first chunk, in progress, then complete (or failed).</summary>
public enum EventStatus
{
    Queued,
    InProgress,
    Complete,
    Failed,
}
