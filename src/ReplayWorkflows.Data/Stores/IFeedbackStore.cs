using ReplayWorkflows.Data.Records;

namespace ReplayWorkflows.Data.Stores;

/// <summary>Thumbs up/down on segment clips.</summary>
public interface IFeedbackStore
{
    /// <summary>Records feedback; newer feedback on the same segment, track and variant replaces older.</summary>
    Task UpsertAsync(FeedbackRecord record, CancellationToken cancellationToken = default);

    /// <summary>Feedback on one segment (both variants, all tracks).</summary>
    Task<IReadOnlyList<FeedbackRecord>> ListForSegmentAsync(string eventId, string classifier, long segmentStartMs, CancellationToken cancellationToken = default);

    /// <summary>All feedback of the event ordered by segment start.</summary>
    Task<IReadOnlyList<FeedbackRecord>> ListAsync(string eventId, CancellationToken cancellationToken = default);
}
