namespace ReplayWorkflows.Data.Records;

/// <summary>
/// A segment found by a classifier. Identity is (event, classifier, start ms): closing keeps the start and sets the
/// end. Original bounds come from the classifier, optimized bounds from the optimizer, the label from the labeler.
/// </summary>
/// <param name="EndMs">Null while the segment is open.</param>
/// <param name="StartChunkNumber">The chunk in which the start was found.</param>
/// <param name="EndChunkNumber">The chunk in which the segment closed.</param>
/// <param name="OptimizationJson">Optimizer codes and detector evidence per side, as JSON.</param>
/// <param name="LabelJson">Labeler output attributes other than the label text, as JSON.</param>
/// <param name="FeaturesJson">Features found in the segment (for replay selection), as JSON.</param>
public sealed record SegmentRecord(
    string EventId,
    string Classifier,
    long StartMs,
    long? EndMs,
    int StartChunkNumber,
    int? EndChunkNumber,
    long? OptimizedStartMs = null,
    long? OptimizedEndMs = null,
    string? OptimizationJson = null,
    string? Label = null,
    string? LabelJson = null,
    string FeaturesJson = "{}",
    long CreatedUnixMs = 0,
    long UpdatedUnixMs = 0)
{
    public bool IsOpen => EndMs is null;

    public bool IsOptimized => OptimizedStartMs is not null && OptimizedEndMs is not null;
}
