using Microsoft.Extensions.Logging;
using ReplayWorkflows.Activities.Hosting;
using ReplayWorkflows.Activities.Replays;
using ReplayWorkflows.Activities.Storage;
using ReplayWorkflows.Core.Planning;
using ReplayWorkflows.Core.Plugins;
using ReplayWorkflows.Data.Records;
using ReplayWorkflows.Workflows.Contracts;
using Temporalio.Activities;
using Temporalio.Exceptions;

namespace ReplayWorkflows.Activities.Events;

/// <summary>Event-level activities: open an event (validate its profile, record it, plan its stages), status, replays.</summary>
public sealed partial class EventActivities(PipelineServices services)
{
    private readonly ILogger log = services.LoggerFactory.CreateLogger<EventActivities>();

    [Activity(ActivityNames.OpenEvent)]
    public async Task<EventPlan> OpenEventAsync(EventInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var token = ActivityExecutionContext.Current.CancellationToken;
        var profile = services.Profiles.Parse(input.ProfileSource, input.ProfileName);
        var created = await EventRecords.CreateAsync(services.Data, input, token).ConfigureAwait(false);
        LogOpened(log, input.EventId, profile.Name, created);

        var plan = ExecutionPlanner.Build(profile);
        var rate = profile.ProcessingFrameRate;
        return new EventPlan(
            profile.Name,
            profile.ChunkSizeMs,
            profile.MaxSegmentLengthMs,
            profile.Classifier.Name,
            profile.Labeler?.Name,
            profile.Optimizer?.Name,
            profile.Optimizer is { } optimizer ? EventProfiles.SearchWindowMs(optimizer) : 0,
            plan.Stages.Where(s => s.Class == PluginClass.Featurer)
                .Select(s => new FeaturerStage(s.Plugin, s.Level, s.PerAudioTrack, s.WaitsFor, s.Order == CrossChunkOrder.ChunkOrder)).ToList(),
            plan.MediaFeatures.Select(f => f.ToString()).ToList(),
            $"{rate.Numerator}/{rate.Denominator}");
    }

    [Activity(ActivityNames.SetEventStatus)]
    public async Task SetEventStatusAsync(EventStatusUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var token = ActivityExecutionContext.Current.CancellationToken;
        var status = Enum.Parse<EventStatus>(update.Status, ignoreCase: true);
        // A retried "in progress" must not move a finished event back.
        IReadOnlyCollection<EventStatus>? from = status == EventStatus.InProgress ? [EventStatus.Queued] : null;
        await services.Data.Events.SetStatusAsync(update.EventId, status, from, token).ConfigureAwait(false);
        if (update.MediaEndMs is { } end)
        {
            await services.Data.Events.ExtendMediaEndAsync(update.EventId, end, token).ConfigureAwait(false);
        }
    }

    [Activity(ActivityNames.ListReplays)]
    public async Task<IReadOnlyList<ReplayListing>> ListReplaysAsync(string eventId)
    {
        var replays = await services.Data.Replays.ListByEventAsync(eventId, null, ActivityExecutionContext.Current.CancellationToken).ConfigureAwait(false);
        return replays.Select(r => new ReplayListing(r.ReplayId, r.Catchup)).ToList();
    }

    [Activity(ActivityNames.SelectReplay)]
    public async Task<ReplaySelected> SelectReplayAsync(ReplayTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var token = ActivityExecutionContext.Current.CancellationToken;
        var replay = await services.Data.Replays.GetAsync(task.ReplayId, token).ConfigureAwait(false)
            ?? throw new ApplicationFailureException($"replay {task.ReplayId} does not exist", errorType: "InvalidReplay", nonRetryable: true);
        var spec = ReplaySpec.FromJson(replay.RequestJson);
        var (profile, _) = await services.Profiles.GetAsync(task.EventId, token).ConfigureAwait(false);
        var candidates = await ReplayCandidates.LoadAsync(services.Data, task.EventId, profile.Classifier.Name, token).ConfigureAwait(false);
        var selection = Core.Replays.ReplaySelector.Select(spec.Request, candidates);
        var items = selection.Clips.Select((c, i) => new ReplayResultItem(
            i, profile.Classifier.Name, c.Segment?.StartMs ?? c.StartMs, c.PlayStartMs, c.PlayEndMs, c.Score,
            PipelineJson.Serialize(c.Matched.Select(m => m.ToString()).ToList()))).ToList();
        var last = candidates.Count > 0 ? candidates.Max(c => c.Key.StartMs) : 0;
        var write = await services.Data.Replays.SaveResultAsync(new ReplayResultRecord(task.ReplayId, last, items), ignoreOrdering: false, token).ConfigureAwait(false);
        var stored = await services.Data.Replays.GetResultAsync(task.ReplayId, token).ConfigureAwait(false);
        var revision = stored?.Revision ?? 0;
        bool needsRender;
        if (write == ReplayResultWrite.Saved)
        {
            await services.Data.Replays.SetStatusAsync(task.ReplayId, ReplayStatus.InProgress, null, token).ConfigureAwait(false);
            needsRender = items.Count > 0;
        }
        else
        {
            needsRender = items.Count > 0 && replay.Status != ReplayStatus.Complete;
        }

        IReadOnlyList<string>? files = null;
        if (!needsRender)
        {
            var exports = await services.Data.Exports.ListAsync(task.EventId, token).ConfigureAwait(false);
            files = [.. exports.Where(e => e.ReplayId == task.ReplayId && (e.Kind.StartsWith("mp4", StringComparison.Ordinal) || e.Kind == "hls")).Select(e => e.Location)];
        }

        LogSelected(log, task.ReplayId, items.Count, selection.TotalDurationMs, write);
        return new ReplaySelected(task.ReplayId, write == ReplayResultWrite.Saved, needsRender, revision, stored?.Items.Count ?? items.Count,
            stored?.Items.Sum(i => i.EndMs - i.StartMs) ?? selection.TotalDurationMs, files);
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Event {EventId} opened with profile {Profile} (new: {Created})")]
    private static partial void LogOpened(ILogger logger, string eventId, string profile, bool created);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "Replay {ReplayId} selected {Clips} clips, {DurationMs} ms ({Write})")]
    private static partial void LogSelected(ILogger logger, string replayId, int clips, long durationMs, ReplayResultWrite write);
}
