using Microsoft.Extensions.Logging;
using ReplayWorkflows.Activities.Hosting;
using ReplayWorkflows.Media.Sources;
using ReplayWorkflows.Workflows.Contracts;
using ReplayWorkflows.Workflows.Events;
using Temporalio.Activities;
using Temporalio.Exceptions;

namespace ReplayWorkflows.Activities.Sources;

/// <summary>
/// The built-in source watcher: follows an event's folder, HLS playlist or S3 prefix and signals each new chunk (with
/// its event-time start, from the durations of the chunks before it) to the event workflow. It heartbeats its position,
/// so a watcher on a killed worker resumes where it stopped; the workflow drops chunks announced twice.
/// </summary>
public sealed partial class SourceActivities(PipelineServices services)
{
    private readonly ILogger log = services.LoggerFactory.CreateLogger<SourceActivities>();

    [Activity(ActivityNames.WatchSource)]
    public async Task<WatchProgress> WatchSourceAsync(WatchSourceInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var context = ActivityExecutionContext.Current;
        var token = context.CancellationToken;
        var progress = new WatchProgress(input.AfterNumber, input.NextStartMs, 0);
        if (context.Info.HeartbeatDetails.Count > 0)
        {
            progress = await context.Info.HeartbeatDetailAtAsync<WatchProgress>(0).ConfigureAwait(false);
        }

        var handle = services.Client.GetWorkflowHandle<EventWorkflow>(context.Info.WorkflowId ?? throw new InvalidOperationException("WatchSource runs only as a workflow activity"));
        var source = Open(input);
        try
        {
            var beat = KeepAlive.Start(() => [progress]);
            await using var beating = beat.ConfigureAwait(false);
            // A VOD source without an end marker has ended once it stays quiet for a few polls.
            var quiet = input.Live ? Timeout.InfiniteTimeSpan : (services.Options.SourcePollInterval * 3) + services.Options.FolderSettleTime;
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(token);
            var events = source.WatchAsync(progress.LastNumber, stop.Token).GetAsyncEnumerator(stop.Token);
            try
            {
                while (true)
                {
                    var next = events.MoveNextAsync().AsTask();
                    if (quiet != Timeout.InfiniteTimeSpan && progress.Signaled > 0
                        && await Task.WhenAny(next, Task.Delay(quiet, token)).ConfigureAwait(false) != next)
                    {
                        await stop.CancelAsync().ConfigureAwait(false);
                        try
                        {
                            await next.ConfigureAwait(false);
                        }
                        catch (OperationCanceledException)
                        {
                            // The source stopped polling, as asked.
                        }

                        break;
                    }

                    if (!await next.ConfigureAwait(false))
                    {
                        break;
                    }

                    switch (events.Current)
                    {
                        case ChunkFound found:
                            var number = checked((int)found.Number);
                            long? listed = found.Duration is { } d ? (long)Math.Round(d.TotalMilliseconds) : null;
                            var chunk = new ChunkRef(number, found.Location, progress.NextStartMs, listed);
                            await handle.SignalAsync(w => w.ChunkArrivedAsync(chunk)).ConfigureAwait(false);

                            // A chunk's own length only places the next chunk, so a file that must be probed for it is
                            // announced first and probed after: the probe is off the live chunk's path to its clips.
                            var durationMs = listed ?? await DurationMsAsync(found, input.NominalChunkMs, token).ConfigureAwait(false);
                            progress = new WatchProgress(number, progress.NextStartMs + durationMs, progress.Signaled + 1);
                            context.Heartbeat(progress);
                            LogChunk(log, input.EventId, number, found.Location, chunk.StartMs ?? 0);
                            break;
                        case ChunkGap gap:
                            LogGap(log, input.EventId, gap.FirstMissing, gap.LastMissing);
                            break;
                        case SourceProblem problem:
                            LogProblem(log, input.EventId, problem.LineNumber, problem.Message);
                            break;
                        case SourceEnded:
                            await handle.SignalAsync(w => w.SourceEndedAsync(progress.LastNumber)).ConfigureAwait(false);
                            return progress;
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested && !token.IsCancellationRequested)
            {
                // The VOD quiet period ended the watch.
            }
            finally
            {
                await events.DisposeAsync().ConfigureAwait(false);
            }

            token.ThrowIfCancellationRequested();
            await handle.SignalAsync(w => w.SourceEndedAsync(progress.LastNumber)).ConfigureAwait(false);
            return progress;
        }
        finally
        {
            (source as IDisposable)?.Dispose();
        }
    }

    private IChunkSource Open(WatchSourceInput input)
    {
        var options = services.Options;
        var (kind, location) = Parse(input.Source);
        return kind switch
        {
            "folder" => new FolderChunkSource(new FolderSourceOptions
            {
                Directory = location,
                Pattern = options.FolderPattern,
                PollInterval = options.SourcePollInterval,
                SettleTime = options.FolderSettleTime,
                EndMarker = options.EndMarker,
            }),
            "hls" => new HlsPlaylistSource(new HlsSourceOptions { Playlist = location, PollInterval = options.SourcePollInterval, StopAtEndList = true }),
            "s3" => OpenS3(input.EventId, location),
            _ => throw new ApplicationFailureException($"unknown source '{input.Source}'", errorType: "InvalidSource", nonRetryable: true),
        };
    }

    private S3ChunkSource OpenS3(string eventId, string location)
    {
        var options = services.Options;
        var slash = location.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? location : location[..slash];
        var prefix = slash < 0 ? "" : location[(slash + 1)..];
        return new S3ChunkSource(new S3SourceOptions
        {
            ServiceUrl = options.S3ServiceUrl,
            Region = options.S3Region,
            Bucket = bucket,
            Prefix = prefix,
            DownloadDirectory = services.Storage.Chunks(eventId),
            PollInterval = options.SourcePollInterval,
            EndMarker = options.EndMarker,
            AccessKey = options.S3AccessKey,
            SecretKey = options.S3SecretKey,
        });
    }

    /// <summary>Splits <c>folder:PATH</c>, <c>hls:URL_OR_PATH</c> or <c>s3://bucket/prefix</c>; anything else is refused with the forms that work.</summary>
    public static (string Kind, string Location) Parse(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            return ("s3", source[5..]);
        }

        var colon = source.IndexOf(':', StringComparison.Ordinal);
        var kind = colon > 0 ? source[..colon].ToLowerInvariant() : "";
        if (kind is "folder" or "hls" && source.Length > colon + 1)
        {
            return (kind, source[(colon + 1)..]);
        }

        throw new ApplicationFailureException(
            $"source '{source}' is not folder:PATH, hls:URL_OR_PATH or s3://bucket/prefix", errorType: "InvalidSource", nonRetryable: true);
    }

    private async Task<long> DurationMsAsync(ChunkFound found, long nominalMs, CancellationToken token)
    {
        try
        {
            var info = await services.Prober.ProbeAsync(found.Location, token).ConfigureAwait(false);
            // Event time counts from the first key frame, as the analysis does.
            return Math.Max(0, (long)Math.Round((info.StartTime + info.Duration - info.Origin).TotalMilliseconds));
        }
        catch (Media.FFmpeg.FFmpegException ex)
        {
            // An unreadable chunk still gets announced (and fails visibly in its chunk workflow); it keeps its nominal slot.
            LogProblem(log, "", null, $"cannot probe {found.Location}: {ex.Message}");
            return nominalMs;
        }
    }

    [LoggerMessage(EventId = 7401, Level = LogLevel.Information, Message = "Event {EventId}: chunk {Number} found at {Location} (starts at {StartMs} ms)")]
    private static partial void LogChunk(ILogger logger, string eventId, int number, string location, long startMs);

    [LoggerMessage(EventId = 7402, Level = LogLevel.Warning, Message = "Event {EventId}: the source skipped chunks {First}-{Last}")]
    private static partial void LogGap(ILogger logger, string eventId, long first, long last);

    [LoggerMessage(EventId = 7403, Level = LogLevel.Warning, Message = "Event {EventId}: source problem (line {Line}): {Message}")]
    private static partial void LogProblem(ILogger logger, string eventId, int? line, string message);
}
