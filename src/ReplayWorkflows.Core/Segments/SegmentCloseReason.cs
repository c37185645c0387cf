namespace ReplayWorkflows.Core.Segments;

/// <summary>Why a segment ended where it did.</summary>
public enum SegmentCloseReason
{
    /// <summary>The classifier marked the end.</summary>
    Classifier,

    /// <summary>The segment reached the profile's maximum segment length and was closed at the cap.</summary>
    MaxLength,

    /// <summary>The event ended while the segment was open; it was closed at the last media time.</summary>
    EventEnd,
}
