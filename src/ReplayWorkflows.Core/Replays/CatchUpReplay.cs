using ReplayWorkflows.Core.Segments;

namespace ReplayWorkflows.Core.Replays;

/// <summary>
/// A catch-up replay kept up to date as segments close, are optimized or get feedback. Each change scores only the
/// segment that changed and updates an ordered candidate set; the selection is then one walk over that set. MRE
/// instead re-reads and re-scores every cached segment for every replay on every new segment.
/// </summary>
public sealed class CatchUpReplay
{
    private readonly Dictionary<SegmentKey, ReplayCandidate> _segments = [];
    private readonly Dictionary<SegmentKey, ScoredCandidate> _scored = [];
    private readonly SortedSet<ScoredCandidate> _ordered = new(SelectionOrder.Instance);

    public CatchUpReplay(ReplayRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Mode == ReplayMode.Timestamps)
        {
            throw new ArgumentException("a timestamp replay has nothing to catch up on", nameof(request));
        }

        Request = request;
    }

    public ReplayRequest Request { get; }

    public ReplaySelection Selection { get; private set; } = ReplaySelection.Empty;

    /// <summary>Segments that are candidates now (scored), out of <see cref="SegmentCount"/> seen.</summary>
    public int CandidateCount => _scored.Count;

    public int SegmentCount => _segments.Count;

    /// <summary>Every segment seen, for persisting the replay's state; feed them back with <see cref="Upsert"/>.</summary>
    public IReadOnlyList<ReplayCandidate> Segments =>
        _segments.Values.OrderBy(c => c.StartMs).ThenBy(c => c.Key.Classifier, StringComparer.Ordinal).ToList();

    /// <summary>Adds a new segment or replaces one (optimized bounds, new features, feedback).</summary>
    public ReplayUpdate Upsert(ReplayCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var removed = Detach(candidate.Key);
        _segments[candidate.Key] = candidate;
        var scored = ReplayScoring.Score(Request, candidate);
        if (scored is null)
        {
            // Neither before nor now a candidate: the selection cannot have changed.
            return removed ? Recompute() : new ReplayUpdate(Selection, Changed: false);
        }

        _scored[candidate.Key] = scored;
        _ordered.Add(scored);
        return Recompute();
    }

    public ReplayUpdate SetFeedback(SegmentKey key, SegmentFeedback feedback, long sequence) =>
        _segments.TryGetValue(key, out var c)
            ? Upsert(c with { Feedback = feedback, FeedbackSequence = sequence })
            : throw new KeyNotFoundException($"segment {key} is not part of replay {Request.Id}");

    public ReplayUpdate Remove(SegmentKey key)
    {
        var removed = Detach(key);
        _segments.Remove(key);
        return removed ? Recompute() : new ReplayUpdate(Selection, Changed: false);
    }

    private bool Detach(SegmentKey key)
    {
        if (_scored.Remove(key, out var old))
        {
            _ordered.Remove(old);
            return true;
        }

        return false;
    }

    private ReplayUpdate Recompute()
    {
        var next = ReplaySelector.SelectScored(Request, _ordered);
        var changed = !next.SameClipsAs(Selection);
        Selection = next;
        return new ReplayUpdate(next, changed);
    }
}
