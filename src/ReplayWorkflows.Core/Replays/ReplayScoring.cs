namespace ReplayWorkflows.Core.Replays;

/// <summary>
/// Decides whether a segment is a candidate for a replay and scores it: the sum of the weights of the selectors its
/// features match, each selector counted once.
/// </summary>
internal static class ReplayScoring
{
    public static ScoredCandidate? Score(ReplayRequest request, ReplayCandidate candidate)
    {
        if (request.IgnoreDisliked && candidate.Feedback == SegmentFeedback.Dislike)
        {
            return null;
        }

        if (candidate.DurationMs <= 0)
        {
            return null;
        }

        var forced = request.IncludeLiked && candidate.Feedback == SegmentFeedback.Like;
        var matched = new List<FeatureSelector>();
        var score = 0;
        foreach (var selector in request.Features)
        {
            var counts = request.Mode == ReplayMode.ClipFeatures ? selector.Include : selector.Weight >= 0;
            if (counts && candidate.Features.Any(selector.Matches))
            {
                matched.Add(selector);
                score += request.Mode == ReplayMode.Duration ? selector.Weight : 0;
            }
        }

        if (request.Mode == ReplayMode.Duration && request.DisregardZeroWeight && score == 0)
        {
            matched.Clear();
        }

        return forced || matched.Count > 0 ? new ScoredCandidate(candidate, score, matched, forced) : null;
    }
}
