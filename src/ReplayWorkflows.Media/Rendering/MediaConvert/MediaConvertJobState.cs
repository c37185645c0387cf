namespace ReplayWorkflows.Media.Rendering.MediaConvert;

/// <summary>
/// What GetJob reports: SUBMITTED, PROGRESSING, COMPLETE, CANCELED or ERROR, with the error when there is one,
/// and once complete the length of the first output.
/// </summary>
internal sealed record MediaConvertJobState(string Id, string Status, string? ErrorMessage = null, int? ErrorCode = null, int? PercentComplete = null, long? OutputDurationMs = null)
{
    public bool IsFinished => Status is "COMPLETE" or "ERROR" or "CANCELED";
}
