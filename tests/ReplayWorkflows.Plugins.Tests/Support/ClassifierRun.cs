using ReplayWorkflows.Core.Plugins;
using ReplayWorkflows.Core.Segments;
using ReplayWorkflows.Core.Time;

namespace ReplayWorkflows.Plugins.Tests.Support;

/// <summary>Drives a classifier chunk by chunk through the segment state machine, as the pipeline does.</summary>
internal sealed class ClassifierRun(IClassifier classifier, long maxSegmentLengthMs = 120_000, PluginConfiguration? configuration = null)
{
    private readonly SegmentPolicy policy = new("event-1", classifier.Descriptor.Name, maxSegmentLengthMs);
    private SegmentState state = SegmentState.Initial;
    private int number;

    public List<Segment> Segments { get; } = [];

    public List<RejectedMark> Rejected { get; } = [];

    public long? Open => state.OpenStartMs;

    public ClassifierRun Chunk(long startMs, long endMs, params PluginData[] data)
    {
        var chunk = new ChunkInfo(++number, new TimeRange(startMs, endMs));
        var input = SegmentStateMachine.PrepareInput(policy, state, chunk, data, configuration ?? PluginConfiguration.Empty);
        var step = SegmentStateMachine.Advance(policy, state, chunk, data, classifier.Classify(input));
        state = step.State;
        Segments.AddRange(step.Closed);
        Rejected.AddRange(step.Rejected);
        return this;
    }

    public ClassifierRun Finish(long lastMediaMs)
    {
        var step = SegmentStateMachine.Finish(policy, state, lastMediaMs);
        Segments.AddRange(step.Closed);
        Rejected.AddRange(step.Rejected);
        return this;
    }

    public List<(long Start, long End)> Spans => Segments.Select(s => (s.StartMs, s.EndMs)).ToList();
}
