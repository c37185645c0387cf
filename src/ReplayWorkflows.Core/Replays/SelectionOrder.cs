namespace ReplayWorkflows.Core.Replays;

/// <summary>
/// The order in which duration mode offers candidates: forced (liked) first, newest like first; then score
/// descending; ties by start time and identity. A total order, so the selection never depends on arrival order.
/// </summary>
internal sealed class SelectionOrder : IComparer<ScoredCandidate>
{
    public static SelectionOrder Instance { get; } = new();

    public int Compare(ScoredCandidate? x, ScoredCandidate? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var c = y.Forced.CompareTo(x.Forced);
        if (c == 0 && x.Forced)
        {
            c = y.Candidate.FeedbackSequence.CompareTo(x.Candidate.FeedbackSequence);
        }

        if (c == 0)
        {
            c = y.Score.CompareTo(x.Score);
        }

        if (c == 0)
        {
            c = x.Candidate.StartMs.CompareTo(y.Candidate.StartMs);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(x.Candidate.Key.Classifier, y.Candidate.Key.Classifier);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(x.Candidate.Key.EventId, y.Candidate.Key.EventId);
        }

        return c;
    }
}
