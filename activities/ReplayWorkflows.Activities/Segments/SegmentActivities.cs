using Microsoft.Extensions.Logging;
using ReplayWorkflows.Activities.Hosting;
using ReplayWorkflows.Activities.Plugins;
using ReplayWorkflows.Activities.Storage;
using ReplayWorkflows.Core.Optimization;
using ReplayWorkflows.Core.Plugins;
using ReplayWorkflows.Core.Profiles;
using ReplayWorkflows.Core.Replays;
using ReplayWorkflows.Core.Segments;
using ReplayWorkflows.Core.Time;
using ReplayWorkflows.Data.Records;
using ReplayWorkflows.Workflows.Contracts;
using Temporalio.Activities;
using Temporalio.Exceptions;

namespace ReplayWorkflows.Activities.Segments;

/// <summary>
/// The ordered stages: classifier (through the segment state machine), labeler and optimizer. The event workflow
/// calls them in chunk order; each is pure given its input and the stored plugin data, and writes idempotently, so a
/// retry after a killed worker gives the same segments.
/// </summary>
public sealed partial class SegmentActivities(PipelineServices services)
{
    private readonly ILogger log = services.LoggerFactory.CreateLogger<SegmentActivities>();

    [Activity(ActivityNames.Classify)]
    public async Task<SegmentStepResult> ClassifyAsync(ClassifyInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var token = ActivityExecutionContext.Current.CancellationToken;
        var (profile, _) = await services.Profiles.GetAsync(input.EventId, token).ConfigureAwait(false);
        var plugin = profile.Classifier;
        var classifier = services.PluginFor<IClassifier>(plugin);
        var policy = new SegmentPolicy(input.EventId, plugin.Name, profile.MaxSegmentLengthMs);
        // Chunk durations measured by different tools may overlap by a millisecond; classified media is never re-read.
        var start = Math.Max(input.StartMs, input.State.ProcessedUntilMs);
        var chunk = new ChunkInfo(input.ChunkNumber, new TimeRange(start, Math.Max(start, input.EndMs)));
        var data = await PluginResults.OfChunkAsync(services.Data, input.EventId, input.ChunkNumber, plugin.DependsOn, token).ConfigureAwait(false);
        var prepared = SegmentStateMachine.PrepareInput(policy, input.State, chunk, data, plugin.Configuration);
        var result = await PluginCall.RunAsync(
            plugin.Name, $"chunk {input.ChunkNumber}", () => classifier.Classify(prepared), services.Options.PluginTimeLimit, token).ConfigureAwait(false);
        PluginCall.CheckCarriedState(plugin.Name, $"chunk {input.ChunkNumber}", result.CarriedState, services.Options.MaxCarriedStateBytes);

        var step = SegmentStateMachine.Advance(policy, input.State, chunk, data, result);
        await SaveAsync(input.EventId, profile, step, input.ChunkNumber, token).ConfigureAwait(false);
        foreach (var rejected in step.Rejected)
        {
            LogRejected(log, input.EventId, input.ChunkNumber, rejected.Mark.Kind.ToString(), rejected.Mark.TimeMs, rejected.Reason);
        }

        return Result(step);
    }

    [Activity(ActivityNames.FinishSegments)]
    public async Task<SegmentStepResult> FinishSegmentsAsync(FinishSegmentsInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var token = ActivityExecutionContext.Current.CancellationToken;
        var (profile, _) = await services.Profiles.GetAsync(input.EventId, token).ConfigureAwait(false);
        var policy = new SegmentPolicy(input.EventId, profile.Classifier.Name, profile.MaxSegmentLengthMs);
        var step = SegmentStateMachine.Finish(policy, input.State, input.LastMediaMs);
        await SaveAsync(input.EventId, profile, step, input.State.LastChunkNumber ?? 0, token).ConfigureAwait(false);
        return Result(step);
    }

    [Activity(ActivityNames.LabelSegments)]
    public async Task<int> LabelSegmentsAsync(SegmentBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var token = ActivityExecutionContext.Current.CancellationToken;
        var (profile, _) = await services.Profiles.GetAsync(batch.EventId, token).ConfigureAwait(false);
        var plugin = profile.Labeler ?? throw new ApplicationFailureException($"profile {profile.Name} has no labeler", errorType: "PluginConfiguration", nonRetryable: true);
        var labeler = services.PluginFor<ILabeler>(plugin);
        foreach (var s in batch.Segments)
        {
            var segment = new Segment(batch.EventId, s.Classifier, s.StartMs, s.EndMs, SegmentCloseReason.Classifier);
            var data = await PluginResults.OverlappingAsync(services.Data, batch.EventId, segment.Span, plugin.DependsOn, token).ConfigureAwait(false);
            var label = await PluginCall.RunAsync(
                plugin.Name, $"segment {s.StartMs}-{s.EndMs} ms", () => labeler.Label(new LabelerInput(segment, plugin.Configuration, data)),
                services.Options.PluginTimeLimit, token).ConfigureAwait(false);

            await services.Data.Segments.SetLabelAsync(batch.EventId, s.Classifier, s.StartMs, label.Label,
                PipelineJson.Serialize(new { label.Features, label.Values }), token).ConfigureAwait(false);
            var all = await PluginResults.OverlappingAsync(services.Data, batch.EventId, segment.Span, null, token).ConfigureAwait(false);
            var features = SegmentFeatures.Collect(segment, all, plugin.Name, label);
            await services.Data.Segments.SetFeaturesAsync(batch.EventId, s.Classifier, s.StartMs, PipelineJson.Serialize(features), token).ConfigureAwait(false);
        }

        return batch.Segments.Count;
    }

    [Activity(ActivityNames.OptimizeSegments)]
    public async Task<int> OptimizeSegmentsAsync(SegmentBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var token = ActivityExecutionContext.Current.CancellationToken;
        var (profile, _) = await services.Profiles.GetAsync(batch.EventId, token).ConfigureAwait(false);
        var plugin = profile.Optimizer ?? throw new ApplicationFailureException($"profile {profile.Name} has no optimizer", errorType: "PluginConfiguration", nonRetryable: true);
        var optimizer = services.PluginFor<IOptimizer>(plugin);
        var window = Events.EventProfiles.SearchWindowMs(plugin);
        var mediaEnd = (await services.Data.Events.GetAsync(batch.EventId, token).ConfigureAwait(false))?.MediaEndMs ?? long.MaxValue;
        foreach (var s in batch.Segments)
        {
            var segment = new Segment(batch.EventId, s.Classifier, s.StartMs, s.EndMs, SegmentCloseReason.Classifier);
            var span = CutPointSearch.DataWindow(segment, window);
            var data = await PluginResults.OverlappingAsync(services.Data, batch.EventId, span, plugin.DependsOn, token).ConfigureAwait(false);
            var detectors = plugin.DependsOn
                .Select(d => new DetectorData(d, DetectorData.BiasOf(profile.Find(d)?.Configuration ?? PluginConfiguration.Empty), PluginData.PointsOf(data, d)))
                .ToList();
            var previous = await services.Data.Segments.FindLastBeforeAsync(batch.EventId, s.Classifier, s.StartMs, token).ConfigureAwait(false);
            var later = await services.Data.Segments.QueryAsync(
                new Data.Records.SegmentQuery(batch.EventId) { Classifier = s.Classifier, StartsWithin = new TimeRange(s.StartMs + 1, long.MaxValue) }, token).ConfigureAwait(false);
            var next = later.Count > 0 ? later[0] : null;
            var limits = new TimeRange(
                previous?.OptimizedEndMs ?? previous?.EndMs ?? 0,
                Math.Max(s.EndMs, Math.Min(mediaEnd, next?.StartMs ?? long.MaxValue)));
            var optimized = await PluginCall.RunAsync(
                plugin.Name, $"segment {s.StartMs}-{s.EndMs} ms", () => optimizer.Optimize(new Core.Optimization.OptimizerInput(segment, plugin.Configuration, detectors, limits)),
                services.Options.PluginTimeLimit, token).ConfigureAwait(false);

            await services.Data.Segments.SetOptimizedAsync(batch.EventId, s.Classifier, s.StartMs, optimized.OptoStartMs, optimized.OptoEndMs,
                PipelineJson.Serialize(new { optimized.StartOutcome, optimized.EndOutcome }), token).ConfigureAwait(false);
        }

        return batch.Segments.Count;
    }

    /// <summary>Writes the open segment and the closed ones, with the features found in each closed one.</summary>
    private async Task SaveAsync(string eventId, Profile profile, SegmentStep step, int chunkNumber, CancellationToken token)
    {
        var classifier = profile.Classifier.Name;
        var records = new List<SegmentRecord>();
        foreach (var segment in step.Closed)
        {
            var existing = await services.Data.Segments.GetAsync(eventId, classifier, segment.StartMs, token).ConfigureAwait(false);
            records.Add(new SegmentRecord(eventId, classifier, segment.StartMs, segment.EndMs, existing?.StartChunkNumber ?? chunkNumber, chunkNumber));
        }

        if (step.OpenStartMs is { } open)
        {
            var existing = await services.Data.Segments.GetAsync(eventId, classifier, open, token).ConfigureAwait(false);
            records.Add(new SegmentRecord(eventId, classifier, open, null, existing?.StartChunkNumber ?? chunkNumber, null));
        }

        if (records.Count > 0)
        {
            await services.Data.Segments.UpsertManyAsync(records, token).ConfigureAwait(false);
        }

        // Replay selection reads features from the segment; without a labeler they come from the plugin data alone.
        foreach (var segment in step.Closed)
        {
            var all = await PluginResults.OverlappingAsync(services.Data, eventId, segment.Span, null, token).ConfigureAwait(false);
            await services.Data.Segments.SetFeaturesAsync(eventId, classifier, segment.StartMs, PipelineJson.Serialize(SegmentFeatures.Collect(segment, all)), token).ConfigureAwait(false);
        }
    }

    private static SegmentStepResult Result(SegmentStep step) =>
        new(step.Closed.Select(s => new SegmentRef(s.Classifier, s.StartMs, s.EndMs)).ToList(), step.OpenStartMs, step.State, step.Rejected.Count);

    [LoggerMessage(EventId = 7201, Level = LogLevel.Debug, Message = "Event {EventId} chunk {Chunk}: classifier {Kind} mark at {TimeMs} ms rejected: {Reason}")]
    private static partial void LogRejected(ILogger logger, string eventId, int chunk, string kind, long timeMs, string reason);
}
