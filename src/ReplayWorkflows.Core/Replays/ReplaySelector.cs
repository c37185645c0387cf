namespace ReplayWorkflows.Core.Replays;

/// <summary>
/// Selects a replay's clips from candidate segments (mre.md §5.3-5.4). Duration mode walks candidates best first and
/// takes each one that still fits under duration + tolerance, skipping (not stopping at) those that do not; equal
/// distribution does the same in rounds across time groups so the replay covers the whole event. The result is in
/// play order (by start) and does not depend on the order candidates are given in.
/// </summary>
public static class ReplaySelector
{
    public static ReplaySelection Select(ReplayRequest request, IEnumerable<ReplayCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(candidates);
        if (request.Mode == ReplayMode.Timestamps)
        {
            return Timestamps(request);
        }

        var scored = new List<ScoredCandidate>();
        var keys = new HashSet<Segments.SegmentKey>();
        foreach (var c in candidates)
        {
            if (!keys.Add(c.Key))
            {
                throw new ArgumentException($"segment {c.Key} is offered twice", nameof(candidates));
            }

            if (ReplayScoring.Score(request, c) is { } s)
            {
                scored.Add(s);
            }
        }

        scored.Sort(SelectionOrder.Instance);
        return SelectScored(request, scored);
    }

    /// <summary>Selection over candidates already scored and sorted by <see cref="SelectionOrder"/>.</summary>
    internal static ReplaySelection SelectScored(ReplayRequest request, IReadOnlyCollection<ScoredCandidate> ordered)
    {
        if (request.Mode == ReplayMode.ClipFeatures)
        {
            return InPlayOrder(ordered, scored: false);
        }

        var chosen = request.EqualDistribution ? EqualDistribution(ordered, request.CapMs) : Greedy(ordered, request.CapMs);
        return InPlayOrder(chosen, scored: true);
    }

    private static List<ScoredCandidate> Greedy(IEnumerable<ScoredCandidate> ordered, long capMs)
    {
        var chosen = new List<ScoredCandidate>();
        var total = 0L;
        foreach (var c in ordered)
        {
            if (total + c.DurationMs <= capMs)
            {
                chosen.Add(c);
                total += c.DurationMs;
            }
        }

        return chosen;
    }

    // MRE's time-group rounds: split [0, last end) into G groups (2, or 2 per hour + 2 beyond an hour); each round takes
    // every group's next best candidate and adds those that fit, best first. Forced candidates go in before any round.
    private static List<ScoredCandidate> EqualDistribution(IReadOnlyCollection<ScoredCandidate> ordered, long capMs)
    {
        var chosen = Greedy(ordered.Where(c => c.Forced), capMs);
        var total = chosen.Sum(c => c.DurationMs);
        var rest = ordered.Where(c => !c.Forced).ToList();
        if (rest.Count == 0)
        {
            return chosen;
        }

        var spanMs = rest.Max(c => c.Candidate.Bounds.EndMs);
        var groupCount = spanMs > 3_600_000 ? (int)(((spanMs + 3_599_999) / 3_600_000 * 2) + 2) : 2;
        var width = Math.Max(1, (spanMs + groupCount - 1) / groupCount);
        var groups = rest
            .GroupBy(c => (int)Math.Min(groupCount - 1, c.Candidate.Bounds.StartMs / width))
            .OrderBy(g => g.Key)
            .Select(g => g.ToList())
            .ToList();
        for (var round = 0; groups.Any(g => g.Count > round); round++)
        {
            var pass = groups.Where(g => g.Count > round).Select(g => g[round]).OrderBy(c => c, SelectionOrder.Instance);
            foreach (var c in pass)
            {
                if (total + c.DurationMs <= capMs)
                {
                    chosen.Add(c);
                    total += c.DurationMs;
                }
            }
        }

        return chosen;
    }

    private static ReplaySelection InPlayOrder(IEnumerable<ScoredCandidate> chosen, bool scored) =>
        new(chosen.OrderBy(c => c.Candidate.Bounds.StartMs).ThenBy(c => c.Candidate.Key.Classifier, StringComparer.Ordinal)
            .Select(c => c.ToClip(scored)).ToList());

    private static ReplaySelection Timestamps(ReplayRequest request) =>
        new((request.Timestamps ?? []).Where(t => t.DurationMs > 0)
            .Select(t => new SelectedClip(null, t.StartMs, t.EndMs, null, null, null, [], ForcedIn: false)).ToList());
}
