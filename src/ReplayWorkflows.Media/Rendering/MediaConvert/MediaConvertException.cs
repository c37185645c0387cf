namespace ReplayWorkflows.Media.Rendering.MediaConvert;

/// <summary>
/// MediaConvert refused a request, or a job ended in ERROR or CANCELED or ran past its timeout. <see cref="ErrorMessage"/>
/// is MediaConvert's own text (the job's <c>errorMessage</c> or the API's <c>message</c>).
/// </summary>
public sealed class MediaConvertException : Exception
{
    public MediaConvertException()
    {
    }

    public MediaConvertException(string message)
        : base(message)
    {
    }

    public MediaConvertException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MediaConvertException(string message, string? jobId, string? status, string? errorMessage, int? errorCode = null, int? httpStatus = null)
        : base(message)
    {
        JobId = jobId;
        Status = status;
        ErrorMessage = errorMessage;
        ErrorCode = errorCode;
        HttpStatus = httpStatus;
    }

    public string? JobId { get; }

    /// <summary>The job's last status (ERROR, CANCELED, PROGRESSING on a timeout), or null for a refused request.</summary>
    public string? Status { get; }

    public string? ErrorMessage { get; }

    /// <summary>MediaConvert's numeric job error code (e.g. 1010 for an unreadable input).</summary>
    public int? ErrorCode { get; }

    /// <summary>HTTP status of a refused API request.</summary>
    public int? HttpStatus { get; }
}
