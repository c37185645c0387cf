using ReplayWorkflows.Core.Segments;

namespace ReplayWorkflows.Workflows.Contracts;

/// <summary>
/// The state an event workflow carries into its next run when it continues as new: chunks waiting to be processed,
/// the open-segment state, the state of featurers that carry one, segments waiting for their detectors, and the progress
/// so far.
/// </summary>
public sealed record EventCarry(
    int? NextChunk,
    IReadOnlyList<ChunkRef> Waiting,
    SegmentState SegmentState,
    IReadOnlyList<SegmentRef> AwaitingOptimization,
    EventProgress Progress,
    int? FirstChunkNumber,
    int? SourceLastNumber,
    bool SourceEnded,
    long MediaEndMs,
    int Run,
    IReadOnlyDictionary<string, string>? FeaturerStates = null);
