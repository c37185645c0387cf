namespace ReplayWorkflows.Data.Records;

/// <summary>One selected segment of a replay, at its position in the replay.</summary>
/// <param name="StartMs">The bounds used for the replay (optimized bounds when the segment has them).</param>
/// <param name="Score">The selection score; null when the mode does not score (clip-feature and timestamp modes).</param>
/// <param name="FeaturesJson">The features that made the segment eligible, as JSON.</param>
public sealed record ReplayResultItem(
    int Position,
    string Classifier,
    long SegmentStartMs,
    long StartMs,
    long EndMs,
    double? Score,
    string FeaturesJson = "[]");
