using ReplayWorkflows.Activities.Storage;
using ReplayWorkflows.Core.Replays;
using ReplayWorkflows.Core.Segments;
using ReplayWorkflows.Data;
using ReplayWorkflows.Data.Records;

namespace ReplayWorkflows.Activities.Replays;

/// <summary>An event's closed segments as replay selection and exports see them: bounds, features and feedback.</summary>
internal static class ReplayCandidates
{
    public static async Task<IReadOnlyList<ReplayCandidate>> LoadAsync(IDataPlane data, string eventId, string classifier, CancellationToken cancellationToken)
    {
        var segments = await data.Segments.QueryAsync(new SegmentQuery(eventId) { Classifier = classifier, Closed = true }, cancellationToken).ConfigureAwait(false);
        var feedback = await data.Feedback.ListAsync(eventId, cancellationToken).ConfigureAwait(false);
        return segments.Select(s =>
        {
            var liked = Latest(feedback, s);
            return new ReplayCandidate(
                new SegmentKey(eventId, s.Classifier, s.StartMs), s.StartMs, s.EndMs!.Value, s.OptimizedStartMs, s.OptimizedEndMs,
                Features(s.FeaturesJson), ToFeedback(liked?.Verdict), liked?.UpdatedUnixMs ?? 0);
        }).ToList();
    }

    /// <summary>The newest feedback on a segment (any track or variant), or null.</summary>
    public static FeedbackRecord? Latest(IEnumerable<FeedbackRecord> feedback, SegmentRecord segment) =>
        feedback.Where(f => f.SegmentStartMs == segment.StartMs && f.Classifier == segment.Classifier).MaxBy(f => f.UpdatedUnixMs);

    /// <summary>The features stored with a segment (a JSON list; the store's empty default is an object).</summary>
    public static IReadOnlyList<FeatureValue> Features(string json) =>
        json.TrimStart().StartsWith('[') ? PipelineJson.Deserialize<List<FeatureValue>>(json, "segment features") : [];

    public static SegmentFeedback ToFeedback(FeedbackVerdict? verdict) => verdict switch
    {
        FeedbackVerdict.Like => SegmentFeedback.Like,
        FeedbackVerdict.Dislike => SegmentFeedback.Dislike,
        _ => SegmentFeedback.None,
    };
}
