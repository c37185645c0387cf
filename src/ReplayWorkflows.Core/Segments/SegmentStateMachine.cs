using ReplayWorkflows.Core.Plugins;

namespace ReplayWorkflows.Core.Segments;

/// <summary>
/// Turns a classifier's per-chunk marks into segments, carrying the open segment from chunk to chunk. Pure: the same
/// state and inputs always give the same step, so the workflow can run it in workflow code or an activity and replay
/// it. Guarantees for every classifier: segments never overlap, start &lt; end, no segment is longer than the cap,
/// and a segment keeps the start it was opened with.
/// </summary>
public static class SegmentStateMachine
{
    /// <summary>The classifier's input for <paramref name="chunk"/>: context plus dependency data since the look-back.</summary>
    public static ClassifierInput PrepareInput(SegmentPolicy policy, SegmentState state, ChunkInfo chunk,
        IReadOnlyList<PluginData> chunkData, PluginConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(chunk);
        EnsureNext(state, chunk);
        var lookBack = LookBack(policy, state, chunk.StartMs);
        var context = new SegmentContext(state.OpenStartMs, state.LastClosed, lookBack, policy.MaxSegmentLengthMs);
        return new ClassifierInput(chunk, configuration, context, Merge(state.CarriedData, chunkData, lookBack), state.ClassifierState);
    }

    /// <summary>Applies the classifier's marks for <paramref name="chunk"/>.</summary>
    public static SegmentStep Advance(SegmentPolicy policy, SegmentState state, ChunkInfo chunk,
        IReadOnlyList<PluginData> chunkData, ClassifierResult result)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(chunk);
        ArgumentNullException.ThrowIfNull(result);
        EnsureNext(state, chunk);

        var closed = new List<Segment>();
        var rejected = new List<RejectedMark>();
        var open = state.OpenStartMs;
        var lastClosed = state.LastClosed;

        // Ends sort before starts at the same instant so that back-to-back segments [a, t) [t, b) are possible.
        var marks = result.Marks
            .OrderBy(m => m.TimeMs)
            .ThenBy(m => m.Kind == SegmentMarkKind.End ? 0 : 1)
            .ToList();
        foreach (var mark in marks)
        {
            if (mark.TimeMs > chunk.EndMs)
            {
                rejected.Add(new RejectedMark(mark, $"it lies after the end of chunk {chunk.Number} ({chunk.EndMs} ms)"));
                continue;
            }

            ApplyCap(policy, ref open, ref lastClosed, closed, mark.TimeMs);
            if (mark.Kind == SegmentMarkKind.Start)
            {
                if (open is { } o)
                {
                    rejected.Add(new RejectedMark(mark, $"a segment is already open since {o} ms"));
                }
                else if (mark.TimeMs < 0)
                {
                    rejected.Add(new RejectedMark(mark, "event time is never negative"));
                }
                else if (lastClosed is not null && mark.TimeMs < lastClosed.EndMs)
                {
                    rejected.Add(new RejectedMark(mark, $"it would overlap the segment that ended at {lastClosed.EndMs} ms"));
                }
                else
                {
                    open = mark.TimeMs;
                }
            }
            else if (open is not { } start)
            {
                rejected.Add(new RejectedMark(mark, "no segment is open"));
            }
            else if (mark.TimeMs <= start)
            {
                rejected.Add(new RejectedMark(mark, $"a segment must end after its start ({start} ms)"));
            }
            else
            {
                lastClosed = Close(policy, start, mark.TimeMs, SegmentCloseReason.Classifier, closed);
                open = null;
            }
        }

        ApplyCap(policy, ref open, ref lastClosed, closed, chunk.EndMs);
        var carried = Trim(Merge(state.CarriedData, chunkData, long.MinValue), Boundary(policy, open, lastClosed, chunk.EndMs));
        var next = new SegmentState(chunk.Number, chunk.EndMs, open, lastClosed, carried, result.CarriedState);
        return new SegmentStep(closed, open, next, rejected);
    }

    /// <summary>
    /// Ends the event: an open segment is closed at the last media time (or at the cap, whichever is first). An open
    /// segment that has no media after its start cannot satisfy start &lt; end and is dropped.
    /// </summary>
    public static SegmentStep Finish(SegmentPolicy policy, SegmentState state, long lastMediaTimeMs)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(state);
        if (state.Finished)
        {
            throw new InvalidOperationException("the event has already ended");
        }

        var closed = new List<Segment>();
        var rejected = new List<RejectedMark>();
        var lastClosed = state.LastClosed;
        if (state.OpenStartMs is { } start)
        {
            var end = Math.Min(lastMediaTimeMs, start + policy.MaxSegmentLengthMs);
            if (end > start)
            {
                lastClosed = Close(policy, start, end,
                    end == lastMediaTimeMs ? SegmentCloseReason.EventEnd : SegmentCloseReason.MaxLength, closed);
            }
            else
            {
                rejected.Add(new RejectedMark(SegmentMark.StartAt(start), $"the event ended at {lastMediaTimeMs} ms, before the segment had any media"));
            }
        }

        var next = state with { OpenStartMs = null, LastClosed = lastClosed, CarriedData = [], Finished = true };
        return new SegmentStep(closed, null, next, rejected);
    }

    private static void ApplyCap(SegmentPolicy policy, ref long? open, ref Segment? lastClosed, List<Segment> closed, long nowMs)
    {
        if (open is { } start && start + policy.MaxSegmentLengthMs <= nowMs)
        {
            lastClosed = Close(policy, start, start + policy.MaxSegmentLengthMs, SegmentCloseReason.MaxLength, closed);
            open = null;
        }
    }

    private static Segment Close(SegmentPolicy policy, long start, long end, SegmentCloseReason reason, List<Segment> closed)
    {
        var segment = new Segment(policy.EventId, policy.Classifier, start, end, reason);
        closed.Add(segment);
        return segment;
    }

    private static void EnsureNext(SegmentState state, ChunkInfo chunk)
    {
        if (state.Finished)
        {
            throw new InvalidOperationException($"chunk {chunk.Number} arrived after the event ended");
        }

        if (state.LastChunkNumber is { } last && chunk.Number <= last)
        {
            throw new InvalidOperationException($"chunk {chunk.Number} is not after chunk {last}: the classifier stage runs in chunk order");
        }

        if (chunk.StartMs < state.ProcessedUntilMs)
        {
            throw new InvalidOperationException($"chunk {chunk.Number} starts at {chunk.StartMs} ms, inside media already classified (until {state.ProcessedUntilMs} ms)");
        }
    }

    // Where dependency data stops being relevant: the open segment's start, else the last closed end, but never more
    // than one maximum segment length back (MRE's look-back from the last closed end grows without bound).
    private static long LookBack(SegmentPolicy policy, SegmentState state, long chunkStartMs) =>
        Boundary(policy, state.OpenStartMs, state.LastClosed, chunkStartMs);

    private static long Boundary(SegmentPolicy policy, long? open, Segment? lastClosed, long nowMs) =>
        open ?? Math.Max(lastClosed?.EndMs ?? long.MinValue, nowMs - policy.MaxSegmentLengthMs);

    private static List<PluginData> Merge(IReadOnlyList<PluginData> carried, IReadOnlyList<PluginData> chunk, long fromMs)
    {
        var merged = new List<PluginData>();
        foreach (var group in carried.Concat(chunk).GroupBy(d => (d.Plugin, d.AudioTrack)).OrderBy(g => g.Key.Plugin, StringComparer.Ordinal).ThenBy(g => g.Key.AudioTrack))
        {
            var points = group.SelectMany(d => d.Points).Where(p => p.EndMs >= fromMs).ToList();
            merged.Add(new PluginData(group.Key.Plugin, group.Key.AudioTrack, points));
        }

        return merged;
    }

    private static List<PluginData> Trim(List<PluginData> data, long fromMs) =>
        data.Select(d => d with { Points = d.Points.Where(p => p.EndMs >= fromMs).ToList() })
            .Where(d => d.Points.Count > 0)
            .ToList();
}
