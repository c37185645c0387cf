namespace ReplayWorkflows.Data.Records;

/// <summary>
/// A replay's current selection, the source of truth for rendering and export. <see cref="Revision"/> grows by one each
/// time the selection changes; <see cref="LastSegmentStartMs"/> is the start of the newest segment the selection has
/// considered, used to reject a slower, older catch-up run that finishes after a newer one.
/// </summary>
public sealed record ReplayResultRecord(
    string ReplayId,
    long LastSegmentStartMs,
    IReadOnlyList<ReplayResultItem> Items,
    int Revision = 0,
    long UpdatedUnixMs = 0)
{
    public double TotalScore => Items.Sum(i => i.Score ?? 0);
}
