using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ReplayWorkflows.Media.Rendering.MediaConvert;

/// <summary>
/// Renders a replay with AWS Elemental MediaConvert: one job per replay, inputs clipped from the chunks in S3,
/// MP4 and/or HLS per resolution written to <see cref="MediaConvertOptions.OutputBucket"/>. The job is polled
/// until it ends; cancelling the render (or its timeout) cancels the job. Result paths are <c>s3://</c> URIs.
/// Segments are joined by hard cuts, by fades through the black <see cref="MediaConvertOptions.FadeImage"/> (video
/// only: MediaConvert cannot crossfade audio), or by an inserted transition clip read from S3.
/// </summary>
public sealed partial class MediaConvertReplayRenderer : IReplayRenderer
{
    private static readonly HttpClient SharedHttp = new();

    private readonly MediaConvertOptions options;
    private readonly MediaConvertClient client;
    private readonly TimeProvider time;
    private readonly ILogger log;

    /// <param name="options">Validated here; an invalid set throws <see cref="ArgumentException"/> listing every problem.</param>
    /// <param name="httpClient">Client for the API calls; null uses one shared client.</param>
    public MediaConvertReplayRenderer(MediaConvertOptions options, HttpClient? httpClient = null, ILogger<MediaConvertReplayRenderer>? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate().ToList();
        var credentials = AwsCredentials.Resolve(options);
        if (credentials is null)
        {
            problems.Add("no AWS credentials: set AccessKey and SecretKey, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("MediaConvert options are invalid: " + string.Join("; ", problems), nameof(options));
        }

        this.options = options;
        time = timeProvider ?? TimeProvider.System;
        log = (ILogger?)logger ?? NullLogger.Instance;
        client = new MediaConvertClient(httpClient ?? SharedHttp, options.ResolvedEndpoint, options.Region, credentials!, time);
    }

    public async Task<ReplayRenderResult> RenderAsync(ReplayRenderRequest request, CancellationToken cancellationToken = default)
    {
        var plan = MediaConvertJobBuilder.Build(request, options);
        var job = await client.CreateJobAsync(plan.Body, cancellationToken).ConfigureAwait(false);
        LogSubmitted(log, request.Name, job.Id, plan.InputCount, request.Resolutions.Count);

        using var timeout = new CancellationTokenSource(options.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            while (!job.IsFinished)
            {
                await Task.Delay(options.PollInterval, time, linked.Token).ConfigureAwait(false);
                job = await PollAsync(job, linked.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            await CancelJobQuietlyAsync(job.Id).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            throw new MediaConvertException(
                $"MediaConvert job {job.Id} for replay {request.Name} did not finish within {options.Timeout}; it was cancelled",
                job.Id,
                job.Status,
                errorMessage: null);
        }

        switch (job.Status)
        {
            case "COMPLETE":
                LogCompleted(log, request.Name, job.Id);
                // Transition clips add a length only MediaConvert knows (the clip is in S3): take what the job reports.
                var duration = request.TransitionClip is not null && job.OutputDurationMs is { } ms ? TimeSpan.FromMilliseconds(ms) : plan.PlannedDuration;
                return new ReplayRenderResult(duration, plan.Mp4ByResolution, plan.HlsByResolution, plan.MasterPlaylist);
            case "ERROR":
                LogFailed(log, request.Name, job.Id, job.ErrorCode, job.ErrorMessage);
                throw new MediaConvertException(
                    $"MediaConvert job {job.Id} for replay {request.Name} failed ({job.ErrorCode}): {job.ErrorMessage}",
                    job.Id,
                    job.Status,
                    job.ErrorMessage,
                    job.ErrorCode);
            default:
                throw new MediaConvertException($"MediaConvert job {job.Id} for replay {request.Name} was cancelled outside this render", job.Id, job.Status, job.ErrorMessage, job.ErrorCode);
        }
    }

    private async Task<MediaConvertJobState> PollAsync(MediaConvertJobState job, CancellationToken cancellationToken)
    {
        try
        {
            var next = await client.GetJobAsync(job.Id, cancellationToken).ConfigureAwait(false);
            if (next.Status != job.Status || next.PercentComplete != job.PercentComplete)
            {
                LogProgress(log, next.Id, next.Status, next.PercentComplete);
            }

            return next;
        }
        catch (Exception e) when (e is HttpRequestException || (e is MediaConvertException { HttpStatus: >= 500 or 429 }))
        {
            // Throttling and server errors pass; the timeout bounds how long we keep trying.
            LogPollFailed(log, e, job.Id);
            return job;
        }
    }

    private async Task CancelJobQuietlyAsync(string jobId)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(15), time);
        try
        {
            await client.CancelJobAsync(jobId, limit.Token).ConfigureAwait(false);
            LogCancelled(log, jobId);
        }
        catch (Exception e) when (e is HttpRequestException or MediaConvertException or OperationCanceledException)
        {
            LogCancelFailed(log, e, jobId);
        }
    }

    [LoggerMessage(EventId = 6520, Level = LogLevel.Information, Message = "Replay {Name}: MediaConvert job {JobId} submitted, {Inputs} inputs, {Resolutions} resolutions")]
    private static partial void LogSubmitted(ILogger logger, string name, string jobId, int inputs, int resolutions);

    [LoggerMessage(EventId = 6521, Level = LogLevel.Debug, Message = "MediaConvert job {JobId}: {Status} {Percent}%")]
    private static partial void LogProgress(ILogger logger, string jobId, string status, int? percent);

    [LoggerMessage(EventId = 6522, Level = LogLevel.Information, Message = "Replay {Name}: MediaConvert job {JobId} complete")]
    private static partial void LogCompleted(ILogger logger, string name, string jobId);

    [LoggerMessage(EventId = 6523, Level = LogLevel.Error, Message = "Replay {Name}: MediaConvert job {JobId} failed with {ErrorCode}: {ErrorMessage}")]
    private static partial void LogFailed(ILogger logger, string name, string jobId, int? errorCode, string? errorMessage);

    [LoggerMessage(EventId = 6524, Level = LogLevel.Warning, Message = "MediaConvert job {JobId}: polling failed, retrying")]
    private static partial void LogPollFailed(ILogger logger, Exception exception, string jobId);

    [LoggerMessage(EventId = 6525, Level = LogLevel.Information, Message = "MediaConvert job {JobId} cancelled")]
    private static partial void LogCancelled(ILogger logger, string jobId);

    [LoggerMessage(EventId = 6526, Level = LogLevel.Warning, Message = "MediaConvert job {JobId} could not be cancelled")]
    private static partial void LogCancelFailed(ILogger logger, Exception exception, string jobId);
}
