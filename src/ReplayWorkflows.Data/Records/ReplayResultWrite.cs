namespace ReplayWorkflows.Data.Records;

/// <summary>What saving a replay selection did.</summary>
public enum ReplayResultWrite
{
    /// <summary>The selection changed and was stored under a new revision.</summary>
    Saved,

    /// <summary>The same segments in the same order were already stored; nothing changed (no re-render needed).</summary>
    Unchanged,

    /// <summary>A selection that considered newer segments is already stored; this older one was dropped.</summary>
    Stale,
}
