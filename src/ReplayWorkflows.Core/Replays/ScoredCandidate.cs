namespace ReplayWorkflows.Core.Replays;

/// <summary>A candidate with the request's verdict on it: score, matched selectors, forced in by a like.</summary>
internal sealed record ScoredCandidate(ReplayCandidate Candidate, int Score, IReadOnlyList<FeatureSelector> Matched, bool Forced)
{
    public long DurationMs { get; } = Candidate.DurationMs;

    public SelectedClip ToClip(bool scored) => new(
        Candidate.Key, Candidate.StartMs, Candidate.EndMs, Candidate.OptoStartMs, Candidate.OptoEndMs,
        scored ? Score : null, Matched, Forced);
}
