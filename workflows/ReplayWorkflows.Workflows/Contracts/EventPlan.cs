namespace ReplayWorkflows.Workflows.Contracts;

/// <summary>
/// What the event workflow needs to know about its profile to schedule work (computed by the OpenEvent activity from
/// the validated profile, so workflow code never parses profiles).
/// </summary>
public sealed record EventPlan(
    string Profile,
    long ChunkSizeMs,
    long MaxSegmentLengthMs,
    string Classifier,
    string? Labeler,
    string? Optimizer,
    long OptimizerSearchWindowMs,
    IReadOnlyList<FeaturerStage> Featurers,
    IReadOnlyList<string> MediaFeatures,
    string ProcessingFrameRate);

/// <summary>
/// One featurer in the per-chunk stage graph: its level (0 runs first) and whether it runs per audio track.
/// <paramref name="Ordered"/> featurers carry state from chunk to chunk (or read one that does): the event workflow runs
/// them in chunk order, before the classifier; the chunk workflow runs the others.
/// </summary>
public sealed record FeaturerStage(string Plugin, int Level, bool PerAudioTrack, IReadOnlyList<string> WaitsFor, bool Ordered = false);
