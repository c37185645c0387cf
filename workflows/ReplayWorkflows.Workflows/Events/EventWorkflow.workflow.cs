using ReplayWorkflows.Core.Segments;
using ReplayWorkflows.Workflows.Chunks;
using ReplayWorkflows.Workflows.Clips;
using ReplayWorkflows.Workflows.Contracts;
using ReplayWorkflows.Workflows.Exports;
using ReplayWorkflows.Workflows.Replays;
using Temporalio.Common;
using Temporalio.Exceptions;
using Temporalio.Workflows;

namespace ReplayWorkflows.Workflows.Events;

/// <summary>
/// One sports or news event, from its first chunk to its exports. Chunks arrive by the <c>ChunkArrived</c> signal (from
/// the built-in source watcher activity or any client). Each chunk gets a <see cref="ChunkWorkflow"/> for its order-free
/// work (analysis, featurers), up to <see cref="EventSettings.LookAhead"/> at once; the ordered stages (classifier, then
/// labeler and optimizer) run here strictly in chunk order with the open-segment state carried from chunk to chunk.
/// Finished segments get clips (<see cref="ClipWorkflow"/>) and update catch-up replays (<see cref="ReplayWorkflow"/>).
/// A missing chunk is waited for, then recorded as a gap. The event ends at its scheduled end, at the source's end, on
/// the <c>Stop</c> signal or on cancellation: the open segment is closed, replays and exports are made, the event is
/// marked complete.
/// </summary>
[Workflow("EventWorkflow")]
public class EventWorkflow
{
    private static readonly RetryPolicy Retry = new() { InitialInterval = TimeSpan.FromSeconds(1), MaximumInterval = TimeSpan.FromSeconds(10), MaximumAttempts = 5 };

    private readonly SortedDictionary<int, ChunkRef> waiting = [];
    private readonly Dictionary<int, Task<ChunkOutcome>> inflight = [];
    private readonly List<SegmentRef> awaitingOptimization = [];
    private readonly List<Task<ClipBatchOutcome>> clipRuns = [];
    private readonly Dictionary<string, Task<ReplayOutcome>> replayRuns = new(StringComparer.Ordinal);
    private readonly List<ChunkFailure> failures = [];
    private readonly List<int> gaps = [];

    // What each featurer that carries state (per audio track for audio plugins) returned for the last chunk it ran on.
    private readonly SortedDictionary<string, string> featurerStates = new(StringComparer.Ordinal);
    private EventProgress progress = EventProgress.Initial;
    private SegmentState segments = SegmentState.Initial;
    private int? nextChunk;
    private int? firstChunk;
    private int? sourceLast;
    private bool sourceEnded;
    private bool stopRequested;
    private bool endReached;
    private int changes;
    private int run;
    private int replaySequence;
    private long mediaEndMs;
    private CancellationToken token;

    [WorkflowQuery]
    public EventProgress Progress => progress with { Gaps = [.. gaps], Failures = [.. failures] };

    [WorkflowQuery]
    public long? OpenSegmentStartMs => progress.OpenSegmentStartMs;

    [WorkflowQuery]
    public int SegmentCount => progress.Segments;

    [WorkflowSignal]
    public Task ChunkArrivedAsync(ChunkRef chunk)
    {
        // A restarted watcher or a client retry may announce a chunk twice; a chunk behind the ordered stages is late.
        if ((nextChunk is { } next && chunk.Number < next) || waiting.ContainsKey(chunk.Number) || inflight.ContainsKey(chunk.Number))
        {
            return Task.CompletedTask;
        }

        waiting[chunk.Number] = chunk;
        progress = progress with { ChunksReceived = progress.ChunksReceived + 1 };
        changes++;
        return Task.CompletedTask;
    }

    [WorkflowSignal]
    public Task SourceEndedAsync(int lastChunkNumber)
    {
        sourceEnded = true;
        sourceLast = lastChunkNumber;
        changes++;
        return Task.CompletedTask;
    }

    [WorkflowSignal]
    public Task StopAsync()
    {
        stopRequested = true;
        changes++;
        return Task.CompletedTask;
    }

    [WorkflowRun]
    public async Task<EventSummary> RunAsync(EventInput input)
    {
        Restore(input.Carry);
        token = Workflow.CancellationToken;
        var settings = input.EffectiveSettings;
        var plan = await Workflow.ExecuteActivityAsync<EventPlan>(ActivityNames.OpenEvent, [input], Options(TaskQueues.Events, TimeSpan.FromSeconds(30)));

        var canceled = false;
        using var watcher = new CancellationTokenSource();
        try
        {
            if (input.Carry is null && !input.Vod && input.StartUtc is { } start && start > Workflow.UtcNow)
            {
                progress = progress with { Phase = "scheduled" };
                await Workflow.DelayAsync(start - Workflow.UtcNow);
            }

            progress = progress with { Phase = "running" };
            // The end of a scheduled live event counts from its start; an unscheduled one from when it began running.
            var startedAt = input.StartUtc ?? Workflow.Info.StartTime;
            if (input.Carry is null)
            {
                input = input with { StartUtc = startedAt };
            }

            if (input.DurationMs is { } duration && !input.Vod)
            {
                StartEndTimer(startedAt.AddMilliseconds(duration));
            }

            if (input.Source is { } source && !sourceEnded)
            {
                _ = WatchAsync(new WatchSourceInput(input.EventId, source, Math.Max(nextChunk ?? 0, MaxKnownChunk()) - 1, NextStartMs(), !input.Vod, plan.ChunkSizeMs), watcher.Token);
            }

            if (await ProcessChunksAsync(input, plan, settings) is { } continued)
            {
                StopWatcher(watcher);
                throw continued;
            }
        }
        catch (Exception ex) when (IsCancellation(ex))
        {
            canceled = true;
        }

        // Whatever ended the event, what it found is finished and exported; none of it may be canceled now.
        token = CancellationToken.None;
        StopWatcher(watcher);
        return await FinishAsync(input, plan, settings, canceled);
    }

    /// <summary>Runs chunks until the event ends (null) or it is time to continue as new (the exception to throw).</summary>
    private async Task<ContinueAsNewException?> ProcessChunksAsync(EventInput input, EventPlan plan, EventSettings settings)
    {
        var processed = 0;
        while (true)
        {
            var stopping = stopRequested || endReached;
            if (stopping)
            {
                // Chunks that have not started are left out once the event is asked to end.
                waiting.Clear();
            }
            // Time to continue as new: start no more chunks, so the ones in flight drain and the run can end cleanly.
            var draining = processed >= settings.ContinueAsNewEvery;
            while (!stopping && !draining && inflight.Count < settings.LookAhead && waiting.Count > 0)
            {
                var (number, chunk) = waiting.First();
                waiting.Remove(number);
                if (nextChunk is null)
                {
                    nextChunk = settings.FirstChunkNumber ?? number;
                    firstChunk ??= nextChunk;
                    await SetStatusAsync(input.EventId, "InProgress", null);
                }

                if (number < nextChunk)
                {
                    continue;
                }

                var startMs = chunk.StartMs ?? ((number - firstChunk!.Value) * plan.ChunkSizeMs);
                inflight[number] = Workflow.ExecuteChildWorkflowAsync(
                    (ChunkWorkflow w) => w.RunAsync(new ChunkTask(input.EventId, chunk, startMs, plan, input.Tracks)),
                    new ChildWorkflowOptions { Id = $"chunk-{input.EventId}-{number}", TaskQueue = TaskQueues.Events, CancellationToken = token });
            }

            if (nextChunk is { } n)
            {
                if (inflight.TryGetValue(n, out var running) && running.IsCompleted)
                {
                    inflight.Remove(n);
                    await OrderedStagesAsync(input, plan, await running);
                    nextChunk = n + 1;
                    processed++;
                    continue;
                }

                if (!inflight.ContainsKey(n) && !waiting.ContainsKey(n))
                {
                    var laterKnown = waiting.Keys.Any(k => k > n) || inflight.Keys.Any(k => k > n);
                    var sourceSkipped = sourceEnded && n <= sourceLast;
                    if (!laterKnown && (stopping || (sourceEnded && inflight.Count == 0)))
                    {
                        return null;
                    }

                    if (laterKnown || sourceSkipped)
                    {
                        // Signals from one sender arrive in order, so a chunk the ended source never sent will not come.
                        var arrived = !stopping && !sourceSkipped
                            && await Workflow.WaitConditionAsync(() => waiting.ContainsKey(n) || stopRequested || endReached, TimeSpan.FromMilliseconds(settings.GapTimeoutMs), token);
                        if (!arrived)
                        {
                            gaps.Add(n);
                            nextChunk = n + 1;
                        }

                        continue;
                    }
                }

                if (draining && inflight.Count == 0)
                {
                    return await ContinueAsNewAsync(input);
                }
            }
            else if (stopping || (sourceEnded && waiting.Count == 0))
            {
                return null;
            }

            var seen = changes;
            await Workflow.WaitConditionAsync(() => changes != seen || NextChunkDone(), token);
        }
    }

    /// <summary>The order-dependent stages of one chunk: classifier, then labeler and optimizer in parallel, then clips.</summary>
    private async Task OrderedStagesAsync(EventInput input, EventPlan plan, ChunkOutcome chunk)
    {
        failures.AddRange(chunk.Failures);
        if (chunk.Failed)
        {
            progress = progress with { ChunksFailed = progress.ChunksFailed + 1 };
            return;
        }

        progress = progress with { ChunksProcessed = progress.ChunksProcessed + 1 };
        mediaEndMs = Math.Max(mediaEndMs, chunk.EndMs);
        progress = progress with { MediaEndMs = mediaEndMs };
        await OrderedFeaturersAsync(input, plan, chunk);
        SegmentStepResult step;
        try
        {
            step = await Workflow.ExecuteActivityAsync<SegmentStepResult>(
                ActivityNames.Classify,
                [new ClassifyInput(input.EventId, chunk.Number, chunk.StartMs, chunk.EndMs, segments)],
                Options(TaskQueues.Classifier, TimeSpan.FromSeconds(30)));
        }
        catch (ActivityFailureException ex)
        {
            failures.Add(new ChunkFailure(chunk.Number, plan.Classifier, null, Reason(ex)));
            return;
        }

        Apply(step);
        await SegmentsClosedAsync(input, plan, step.Closed, chunk.Number, chunk.EndMs, ended: false);
    }

    /// <summary>
    /// The featurers that carry state, level by level for this chunk, each given what it returned for the last chunk it
    /// ran on. After a gap or a failed run, that is the state from before it: the plugin sees times in its input and
    /// decides what a jump means. Their dependents are skipped when they fail, as in the chunk workflow.
    /// </summary>
    private async Task OrderedFeaturersAsync(EventInput input, EventPlan plan, ChunkOutcome chunk)
    {
        var ordered = plan.Featurers.Where(f => f.Ordered).ToList();
        if (ordered.Count == 0)
        {
            return;
        }

        var failed = chunk.Failures.Where(f => f.Plugin is not null).Select(f => f.Plugin!).ToHashSet(StringComparer.Ordinal);
        var tracks = input.Tracks.Where(t => t <= chunk.AudioTracks).ToList();
        await FeaturerLevels.RunAsync(ordered, chunk.Number, tracks, failures, failed, async (stage, track) =>
        {
            var key = track is { } t ? $"{stage.Plugin}#{t}" : stage.Plugin;
            var run = await Workflow.ExecuteActivityAsync<FeaturerRun>(
                ActivityNames.RunFeaturer, [new FeaturerCall(input.EventId, chunk.Number, stage.Plugin, track, featurerStates.GetValueOrDefault(key))],
                ChunkWorkflow.FeaturerOptions(token));
            if (run.CarriedState is { } state)
            {
                featurerStates[key] = state;
            }
            else
            {
                featurerStates.Remove(key);
            }

            return run;
        });
    }

    private void Apply(SegmentStepResult step)
    {
        segments = step.State;
        progress = progress with { Segments = progress.Segments + step.Closed.Count, OpenSegmentStartMs = step.OpenStartMs };
    }

    /// <summary>Labels new segments, optimizes those whose detectors have covered their search window, and clips them.</summary>
    private async Task SegmentsClosedAsync(EventInput input, EventPlan plan, IReadOnlyList<SegmentRef> closed, int chunk, long coveredUntilMs, bool ended)
    {
        var label = plan.Labeler is { } labeler && closed.Count > 0
            ? RunSegmentActivityAsync(ActivityNames.LabelSegments, TaskQueues.Labeler, new SegmentBatch(input.EventId, closed, ended), chunk, labeler)
            : Task.CompletedTask;

        var done = closed;
        var optimize = Task.CompletedTask;
        if (plan.Optimizer is { } optimizer)
        {
            awaitingOptimization.AddRange(closed);
            var ready = awaitingOptimization.Where(s => ended || coveredUntilMs >= s.EndMs + plan.OptimizerSearchWindowMs).ToList();
            awaitingOptimization.RemoveAll(ready.Contains);
            done = ready;
            if (ready.Count > 0)
            {
                optimize = RunSegmentActivityAsync(ActivityNames.OptimizeSegments, TaskQueues.Optimizer, new SegmentBatch(input.EventId, ready, ended), chunk, optimizer);
            }
        }

        await Workflow.WhenAllAsync(label, optimize);
        if (done.Count == 0)
        {
            return;
        }

        clipRuns.Add(Workflow.ExecuteChildWorkflowAsync(
            (ClipWorkflow w) => w.RunAsync(new SegmentBatch(input.EventId, done, ended, input.EffectiveSettings.ClipHls)),
            new ChildWorkflowOptions { Id = $"clip-{input.EventId}-{done[0].StartMs}", TaskQueue = TaskQueues.Events, CancellationToken = CancellationToken.None }));
        if (!ended)
        {
            await UpdateCatchUpReplaysAsync(input);
        }
    }

    private async Task RunSegmentActivityAsync(string activity, string queue, SegmentBatch batch, int chunk, string plugin)
    {
        try
        {
            await Workflow.ExecuteActivityAsync<int>(activity, [batch], Options(queue, TimeSpan.FromSeconds(30)));
        }
        catch (ActivityFailureException ex)
        {
            failures.Add(new ChunkFailure(chunk, plugin, null, Reason(ex)));
        }
    }

    /// <summary>Starts an update of each catch-up replay that is not already updating (a busy one catches up next time).</summary>
    private async Task UpdateCatchUpReplaysAsync(EventInput input)
    {
        var replays = await Workflow.ExecuteActivityAsync<IReadOnlyList<ReplayListing>>(
            ActivityNames.ListReplays, [input.EventId], Options(TaskQueues.Events, TimeSpan.FromSeconds(30)));
        foreach (var replay in replays.Where(r => r.CatchUp))
        {
            if (replayRuns.TryGetValue(replay.ReplayId, out var running) && !running.IsCompleted)
            {
                continue;
            }

            replayRuns[replay.ReplayId] = StartReplay(input.EventId, replay.ReplayId, final: false);
        }
    }

    private Task<ReplayOutcome> StartReplay(string eventId, string replayId, bool final) =>
        Workflow.ExecuteChildWorkflowAsync(
            (ReplayWorkflow w) => w.RunAsync(new ReplayTask(eventId, replayId, final)),
            new ChildWorkflowOptions { Id = $"replay-{replayId}-{run}-{++replaySequence}", TaskQueue = TaskQueues.Events, CancellationToken = CancellationToken.None });

    private async Task<EventSummary> FinishAsync(EventInput input, EventPlan plan, EventSettings settings, bool canceled)
    {
        progress = progress with { Phase = "finishing" };
        // Chunks already being analysed are finished in order; chunks that never started are left out.
        foreach (var number in inflight.Keys.Order().ToList())
        {
            ChunkOutcome outcome;
            try
            {
                outcome = await inflight[number];
            }
            catch (ChildWorkflowFailureException ex)
            {
                outcome = new ChunkOutcome(number, 0, 0, Failed: true, [new ChunkFailure(number, null, null, ex.InnerException?.Message ?? ex.Message)]);
            }

            if (nextChunk is null || number >= nextChunk)
            {
                await OrderedStagesAsync(input, plan, outcome);
                nextChunk = number + 1;
            }
        }

        inflight.Clear();
        if (!segments.Finished)
        {
            try
            {
                var step = await Workflow.ExecuteActivityAsync<SegmentStepResult>(
                    ActivityNames.FinishSegments,
                    [new FinishSegmentsInput(input.EventId, segments, mediaEndMs)],
                    Options(TaskQueues.Classifier, TimeSpan.FromSeconds(30)));
                Apply(step);
                await SegmentsClosedAsync(input, plan, step.Closed, nextChunk ?? 0, mediaEndMs, ended: true);
            }
            catch (ActivityFailureException ex)
            {
                failures.Add(new ChunkFailure(nextChunk ?? 0, plan.Classifier, null, Reason(ex)));
            }
        }

        var clips = 0;
        foreach (var clipRun in clipRuns)
        {
            try
            {
                var batch = await clipRun;
                clips += batch.Rendered.Sum(r => r.Files.Count(f => f.EndsWith(".mp4", StringComparison.Ordinal)));
                failures.AddRange(batch.Errors.Select(e => new ChunkFailure(nextChunk ?? 0, "clips", null, e)));
            }
            catch (ChildWorkflowFailureException ex)
            {
                failures.Add(new ChunkFailure(nextChunk ?? 0, "clips", null, ex.InnerException?.Message ?? ex.Message));
            }
        }

        clips += progress.Clips;
        progress = progress with { Clips = clips, Phase = "replays" };
        foreach (var running in replayRuns.Values)
        {
            try
            {
                await running;
            }
            catch (ChildWorkflowFailureException)
            {
                // A catch-up update that failed is superseded by the final update below.
            }
        }

        var replays = await Workflow.ExecuteActivityAsync<IReadOnlyList<ReplayListing>>(
            ActivityNames.ListReplays, [input.EventId], Options(TaskQueues.Events, TimeSpan.FromSeconds(30)));
        var outcomes = new List<ReplayOutcome>();
        foreach (var replay in replays)
        {
            try
            {
                outcomes.Add(await StartReplay(input.EventId, replay.ReplayId, final: true));
            }
            catch (ChildWorkflowFailureException ex)
            {
                failures.Add(new ChunkFailure(nextChunk ?? 0, $"replay {replay.ReplayId}", null, ex.InnerException?.Message ?? ex.Message));
            }
        }

        progress = progress with { Phase = "exports" };
        IReadOnlyList<ExportOutcome> exports = [];
        try
        {
            exports = await Workflow.ExecuteChildWorkflowAsync(
                (ExportWorkflow w) => w.RunAsync(new ExportTask(input.EventId, settings.ExportFormats, replays.Select(r => r.ReplayId).ToList())),
                new ChildWorkflowOptions { Id = $"export-{input.EventId}-{run}", TaskQueue = TaskQueues.Events, CancellationToken = token });
        }
        catch (ChildWorkflowFailureException ex)
        {
            failures.Add(new ChunkFailure(nextChunk ?? 0, "exports", null, ex.InnerException?.Message ?? ex.Message));
        }

        await SetStatusAsync(input.EventId, "Complete", mediaEndMs);
        progress = progress with { Phase = canceled ? "canceled" : "complete" };
        return new EventSummary(input.EventId, Progress, outcomes, exports, canceled);
    }

    private async Task<ContinueAsNewException> ContinueAsNewAsync(EventInput input)
    {
        // Children die with the run that started them (parent close policy): let them finish first.
        foreach (var clipRun in clipRuns)
        {
            var batch = await clipRun;
            progress = progress with { Clips = progress.Clips + batch.Rendered.Sum(r => r.Files.Count(f => f.EndsWith(".mp4", StringComparison.Ordinal))) };
            failures.AddRange(batch.Errors.Select(e => new ChunkFailure(nextChunk ?? 0, "clips", null, e)));
        }

        foreach (var running in replayRuns.Values)
        {
            await running;
        }

        var carry = new EventCarry(
            nextChunk, [.. waiting.Values], segments, [.. awaitingOptimization], Progress, firstChunk, sourceLast, sourceEnded, mediaEndMs, run + 1,
            featurerStates.Count > 0 ? new Dictionary<string, string>(featurerStates, StringComparer.Ordinal) : null);
        var next = input with { Carry = carry };
        return Workflow.CreateContinueAsNewException((EventWorkflow w) => w.RunAsync(next));
    }

    private void Restore(EventCarry? carry)
    {
        if (carry is null)
        {
            return;
        }

        nextChunk = carry.NextChunk;
        firstChunk = carry.FirstChunkNumber;
        segments = carry.SegmentState;
        awaitingOptimization.AddRange(carry.AwaitingOptimization);
        progress = carry.Progress;
        gaps.AddRange(carry.Progress.Gaps);
        failures.AddRange(carry.Progress.Failures);
        sourceLast = carry.SourceLastNumber;
        sourceEnded = carry.SourceEnded;
        mediaEndMs = carry.MediaEndMs;
        run = carry.Run;
        foreach (var (key, state) in carry.FeaturerStates ?? new Dictionary<string, string>())
        {
            featurerStates[key] = state;
        }
        foreach (var chunk in carry.Waiting)
        {
            waiting[chunk.Number] = chunk;
        }
    }

    private void StartEndTimer(DateTime endAt)
    {
        _ = Workflow.RunTaskAsync(async () =>
        {
            var wait = endAt - Workflow.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                await Workflow.DelayAsync(wait, token);
            }

            endReached = true;
            changes++;
        });
    }

    private Task WatchAsync(WatchSourceInput watch, CancellationToken cancel) =>
        Workflow.RunTaskAsync(async () =>
        {
            try
            {
                await Workflow.ExecuteActivityAsync(ActivityNames.WatchSource, [watch], new ActivityOptions
                {
                    TaskQueue = TaskQueues.Events,
                    StartToCloseTimeout = TimeSpan.FromDays(7),
                    HeartbeatTimeout = TimeSpan.FromSeconds(30),
                    RetryPolicy = new RetryPolicy { InitialInterval = TimeSpan.FromSeconds(1), MaximumInterval = TimeSpan.FromSeconds(10) },
                    CancellationToken = cancel,
                });
            }
            catch (Exception ex) when (ex is ActivityFailureException || IsCancellation(ex))
            {
                // Canceled because the event ended, or the source is unusable: the event still ends by Stop or its schedule.
                if (!cancel.IsCancellationRequested)
                {
                    failures.Add(new ChunkFailure(nextChunk ?? 0, "source", null, ex.InnerException?.Message ?? ex.Message));
                    changes++;
                }
            }
        });

    private Task SetStatusAsync(string eventId, string status, long? mediaEndMs) =>
        Workflow.ExecuteActivityAsync(ActivityNames.SetEventStatus, [new EventStatusUpdate(eventId, status, mediaEndMs)], Options(TaskQueues.Events, TimeSpan.FromSeconds(30)));

    private ActivityOptions Options(string queue, TimeSpan startToClose) =>
        new() { TaskQueue = queue, StartToCloseTimeout = startToClose, RetryPolicy = Retry, CancellationToken = token };

    /// <summary>
    /// Stops a watcher that is still watching. One whose source has ended has signaled so and is finishing on its own;
    /// canceling it would race its completion. Cancel, not CancelAsync: cancellation callbacks must run on the
    /// workflow's scheduler.
    /// </summary>
    private void StopWatcher(CancellationTokenSource watcher)
    {
        if (!sourceEnded)
        {
            watcher.Cancel();
        }
    }

    private bool NextChunkDone() => nextChunk is { } n && inflight.TryGetValue(n, out var running) && running.IsCompleted;

    private int MaxKnownChunk() => waiting.Count > 0 ? waiting.Keys.Max() + 1 : 0;

    private long NextStartMs() =>
        waiting.Count > 0 && waiting.Values.Last() is { StartMs: { } s, DurationMs: { } d } ? s + d : mediaEndMs;

    private static bool IsCancellation(Exception ex) =>
        ex is OperationCanceledException or CanceledFailureException
        || (ex is ActivityFailureException or ChildWorkflowFailureException && ex.InnerException is CanceledFailureException);

    private static string Reason(ActivityFailureException ex) => ex.InnerException?.Message ?? ex.Message;
}
