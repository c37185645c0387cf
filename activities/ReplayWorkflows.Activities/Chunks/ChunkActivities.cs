using Microsoft.Extensions.Logging;
using ReplayWorkflows.Activities.Hosting;
using ReplayWorkflows.Activities.Plugins;
using ReplayWorkflows.Activities.Storage;
using ReplayWorkflows.Core.Analysis;
using ReplayWorkflows.Core.Plugins;
using ReplayWorkflows.Data.Records;
using ReplayWorkflows.Media.Analysis;
using ReplayWorkflows.Media.FFmpeg;
using ReplayWorkflows.Workflows.Contracts;
using Temporalio.Activities;
using Temporalio.Exceptions;

namespace ReplayWorkflows.Activities.Chunks;

/// <summary>
/// The featurer task queue's activities: analyse a chunk in one decode (kept in the chunk's record) and run one
/// featurer on that analysis. Writes replace what an earlier attempt wrote, so retries never duplicate results.
/// </summary>
public sealed partial class ChunkActivities(PipelineServices services)
{
    private readonly ILogger log = services.LoggerFactory.CreateLogger<ChunkActivities>();

    [Activity(ActivityNames.AnalyzeChunk)]
    public async Task<ChunkSpan> AnalyzeChunkAsync(AnalyzeChunkInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var context = ActivityExecutionContext.Current;
        var token = context.CancellationToken;
        var chunk = input.Chunk;
        var local = !Uri.TryCreate(chunk.Location, UriKind.Absolute, out var uri) || uri.IsFile;
        if (local && !File.Exists(chunk.Location))
        {
            throw new ApplicationFailureException(
                $"chunk {chunk.Number} of event {input.EventId} is missing: {chunk.Location} does not exist", errorType: "MissingChunk", nonRetryable: true);
        }

        var features = input.MediaFeatures.Select(f => Enum.Parse<MediaFeature>(f)).ToHashSet();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        ChunkAnalysis analysis;
        await using (KeepAlive.Start())
        {
            try
            {
                analysis = await services.Analyzer.AnalyzeAsync(
                    new ChunkAnalysisRequest(chunk.Location, chunk.Number, input.StartMs, features, Rational.Parse(input.ProcessingFrameRate)), token).ConfigureAwait(false);
            }
            catch (FFmpegException ex) when (ex.Kind is FFmpegErrorKind.CorruptData or FFmpegErrorKind.UnsupportedCodec or FFmpegErrorKind.MissingInput)
            {
                LogCorrupt(log, input.EventId, chunk.Number, chunk.Location, ex.Message);
                throw new ApplicationFailureException(
                    $"chunk {chunk.Number} ({chunk.Location}) cannot be read: {ex.Message}. It is recorded as failed and skipped; re-encode or replace it to analyse it.",
                    ex, errorType: "CorruptChunk", nonRetryable: true);
            }
        }

        if (analysis.Span.DurationMs <= 0)
        {
            throw new ApplicationFailureException($"chunk {chunk.Number} ({chunk.Location}) holds no media", errorType: "CorruptChunk", nonRetryable: true);
        }

        var tracks = analysis.Audio.Count;
        await services.Data.Chunks.UpsertAsync(
            new ChunkRecord(input.EventId, chunk.Number, analysis.Span.StartMs, analysis.Span.DurationMs, chunk.Location, PipelineJson.Serialize(analysis)),
            token).ConfigureAwait(false);
        await services.Data.Events.ExtendMediaEndAsync(input.EventId, analysis.Span.EndMs, token).ConfigureAwait(false);
        return new ChunkSpan(chunk.Number, analysis.Span.StartMs, analysis.Span.EndMs, tracks, clock.ElapsedMilliseconds);
    }

    [Activity(ActivityNames.RunFeaturer)]
    public async Task<FeaturerRun> RunFeaturerAsync(FeaturerCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var token = ActivityExecutionContext.Current.CancellationToken;
        var plugin = await services.Profiles.PluginAsync(call.EventId, call.Plugin, token).ConfigureAwait(false);
        var featurer = services.PluginFor<IFeaturer>(plugin);
        var record = await services.Data.Chunks.GetAsync(call.EventId, call.ChunkNumber, token).ConfigureAwait(false)
            ?? throw new ApplicationFailureException($"chunk {call.ChunkNumber} of event {call.EventId} has not been analysed", errorType: "MissingChunk");
        var analysis = PipelineJson.Deserialize<ChunkAnalysis>(record.MetadataJson, $"analysis of chunk {call.ChunkNumber}");
        var dependencies = await PluginResults.OfChunkAsync(services.Data, call.EventId, call.ChunkNumber, plugin.DependsOn, token).ConfigureAwait(false);

        var result = await PluginCall.RunAsync(
            plugin.Name, $"chunk {call.ChunkNumber}", () => featurer.Analyse(new FeaturerInput(analysis, plugin.Configuration, call.AudioTrack, dependencies, call.CarriedState)),
            services.Options.PluginTimeLimit, token).ConfigureAwait(false);
        var carried = plugin.Descriptor.CarriesState
            ? PluginCall.CheckCarriedState(plugin.Name, $"chunk {call.ChunkNumber}", result.CarriedState, services.Options.MaxCarriedStateBytes)
            : null;

        var rows = result.Points.Select(p => PluginResults.ToRecord(call.EventId, plugin.Name, plugin.Version, call.AudioTrack, call.ChunkNumber, p)).ToList();
        await services.Data.PluginResults.ReplaceChunkAsync(call.EventId, plugin.Name, call.AudioTrack ?? 0, call.ChunkNumber, rows, token).ConfigureAwait(false);
        return new FeaturerRun(plugin.Name, call.AudioTrack, rows.Count, clock.ElapsedMilliseconds, carried);
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "Event {EventId} chunk {Chunk} ({Location}) is unreadable: {Reason}")]
    private static partial void LogCorrupt(ILogger logger, string eventId, int chunk, string location, string reason);
}
