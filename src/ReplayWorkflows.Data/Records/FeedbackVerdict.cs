namespace ReplayWorkflows.Data.Records;

/// <summary>A reviewer's thumbs up or down on a segment's clip; <see cref="None"/> resets earlier feedback.</summary>
public enum FeedbackVerdict
{
    None,
    Like,
    Dislike,
}
