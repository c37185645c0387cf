using ReplayWorkflows.Data.Records;

namespace ReplayWorkflows.Data.Stores;

/// <summary>Segments keyed by (event, classifier, start ms).</summary>
public interface ISegmentStore
{
    /// <summary>
    /// Writes the classifier's view of a segment (open: no end; closed: with end). Closing keeps the start and sets the
    /// end. Writing the same segment again is a no-op. Rules: an open write never reopens a closed segment (a retried
    /// earlier chunk must not undo a later one); a changed end clears optimized bounds and the label, which were made
    /// for the old bounds; an unchanged end keeps them. Optimizer, labeler and feature columns of <paramref name="segment"/>
    /// are ignored here: use the dedicated methods.
    /// </summary>
    Task<SegmentRecord> UpsertAsync(SegmentRecord segment, CancellationToken cancellationToken = default);

    /// <summary>Writes several classifier results of one chunk in one transaction (same rules as <see cref="UpsertAsync"/>).</summary>
    Task UpsertManyAsync(IReadOnlyCollection<SegmentRecord> segments, CancellationToken cancellationToken = default);

    Task<SegmentRecord?> GetAsync(string eventId, string classifier, long startMs, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<SegmentRecord>> QueryAsync(SegmentQuery query, CancellationToken cancellationToken = default);

    /// <summary>The segment with the greatest start before <paramref name="beforeMs"/> (the prior segment of a chunk).</summary>
    Task<SegmentRecord?> FindLastBeforeAsync(string eventId, string classifier, long beforeMs, CancellationToken cancellationToken = default);

    /// <summary>Stores optimized bounds and the optimizer's evidence; returns false when the segment is missing or open.</summary>
    Task<bool> SetOptimizedAsync(
        string eventId, string classifier, long startMs, long optimizedStartMs, long optimizedEndMs, string optimizationJson,
        CancellationToken cancellationToken = default);

    /// <summary>Stores the label; returns false when the segment is missing.</summary>
    Task<bool> SetLabelAsync(
        string eventId, string classifier, long startMs, string label, string labelJson, CancellationToken cancellationToken = default);

    /// <summary>Stores the features found in the segment; returns false when the segment is missing.</summary>
    Task<bool> SetFeaturesAsync(
        string eventId, string classifier, long startMs, string featuresJson, CancellationToken cancellationToken = default);
}
