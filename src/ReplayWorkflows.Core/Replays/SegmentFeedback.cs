namespace ReplayWorkflows.Core.Replays;

/// <summary>A reviewer's thumbs up or down on a segment.</summary>
public enum SegmentFeedback
{
    None,
    Like,
    Dislike,
}
