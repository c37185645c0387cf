namespace ReplayWorkflows.Workflows.Contracts;

/// <summary>
/// Activity type names. Workflows call activities by name: the activity classes live in the activities project,
/// which workflows must not reference (they would pull I/O into deterministic code).
/// </summary>
public static class ActivityNames
{
    public const string OpenEvent = "OpenEvent";
    public const string SetEventStatus = "SetEventStatus";
    public const string WatchSource = "WatchSource";
    public const string ListReplays = "ListReplays";
    public const string AnalyzeChunk = "AnalyzeChunk";
    public const string RunFeaturer = "RunFeaturer";
    public const string Classify = "Classify";
    public const string FinishSegments = "FinishSegments";
    public const string LabelSegments = "LabelSegments";
    public const string OptimizeSegments = "OptimizeSegments";
    public const string RenderClips = "RenderClips";
    public const string SelectReplay = "SelectReplay";
    public const string RenderReplay = "RenderReplay";
    public const string ExportEvent = "ExportEvent";
}
