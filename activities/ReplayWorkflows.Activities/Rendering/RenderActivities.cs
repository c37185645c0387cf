using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using ReplayWorkflows.Activities.Hosting;
using ReplayWorkflows.Activities.Replays;
using ReplayWorkflows.Activities.Storage;
using ReplayWorkflows.Core.Exports;
using ReplayWorkflows.Core.Replays;
using ReplayWorkflows.Core.Segments;
using ReplayWorkflows.Core.Time;
using ReplayWorkflows.Data.Records;
using ReplayWorkflows.Media.Clips;
using ReplayWorkflows.Media.Rendering;
using ReplayWorkflows.Workflows.Contracts;
using Temporalio.Activities;
using Temporalio.Exceptions;

namespace ReplayWorkflows.Activities.Rendering;

/// <summary>
/// The render task queue's activities: segment clips, replays and exports. Files are written under the event's
/// storage folder with stable names, so a retried render replaces its own output.
/// </summary>
public sealed partial class RenderActivities(PipelineServices services)
{
    private readonly ILogger log = services.LoggerFactory.CreateLogger<RenderActivities>();

    [Activity(ActivityNames.RenderClips)]
    public async Task<ClipsRendered> RenderClipsAsync(SegmentBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var token = ActivityExecutionContext.Current.CancellationToken;
        var s = batch.Segments.Single();
        var segment = await services.Data.Segments.GetAsync(batch.EventId, s.Classifier, s.StartMs, token).ConfigureAwait(false)
            ?? throw new ApplicationFailureException($"segment {s.StartMs} ms of event {batch.EventId} is not stored", errorType: "UnknownSegment", nonRetryable: true);
        var variants = new List<(ClipVariant Variant, TimeRange Range, ClipMode Mode)> { (ClipVariant.Original, new TimeRange(s.StartMs, s.EndMs), ClipMode.Fast) };
        if (segment.OptimizedStartMs is { } os && segment.OptimizedEndMs is { } oe && oe > os)
        {
            // The optimized cut exists to land on the right frame, so it is cut frame-exactly.
            variants.Add((ClipVariant.Optimized, new TimeRange(os, oe), ClipMode.Accurate));
        }

        var files = new List<string>();
        await using (KeepAlive.Start())
        {
            // The variants overlap: one join of their chunks serves both, and they render side by side.
            var chunks = await ChunksAsync(batch.EventId, new TimeRange(variants.Min(v => v.Range.StartMs), variants.Max(v => v.Range.EndMs)), token).ConfigureAwait(false);
            var clips = await services.Clips.CreateManyAsync(
                variants.Select(v => new ClipRequest(
                    chunks, v.Range, v.Mode, services.Storage.Clips(batch.EventId), $"{s.StartMs:D9}-{v.Variant.ToString().ToLowerInvariant()}", Mp4: true, Hls: batch.Hls, Thumbnail: true)).ToList(),
                token).ConfigureAwait(false);
            for (var i = 0; i < variants.Count; i++)
            {
                files.AddRange(await RecordAsync(batch.EventId, s, variants[i].Variant, variants[i].Range, clips[i], token).ConfigureAwait(false));
            }
        }

        LogClipped(log, batch.EventId, s.StartMs, s.EndMs, files.Count);
        return new ClipsRendered(s, files);
    }

    private async Task<IReadOnlyList<string>> RecordAsync(string eventId, SegmentRef s, ClipVariant variant, TimeRange range, ClipResult clip, CancellationToken token)
    {
        var files = new List<string>();
        foreach (var (format, path) in new[] { ("mp4", clip.Mp4Path), ("hls", clip.HlsPlaylistPath) })
        {
            if (path is null)
            {
                continue;
            }

            files.Add(path);
            await services.Data.Clips.UpsertAsync(
                new ClipRecord(eventId, s.Classifier, s.StartMs, variant, 1, format, range.StartMs, range.EndMs, "complete", path, clip.ThumbnailPath),
                token).ConfigureAwait(false);
        }

        if (clip.ThumbnailPath is { } thumbnail)
        {
            files.Add(thumbnail);
        }

        return files;
    }

    [Activity(ActivityNames.RenderReplay)]
    public async Task<ReplayRendered> RenderReplayAsync(ReplayTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var token = ActivityExecutionContext.Current.CancellationToken;
        var replay = await services.Data.Replays.GetAsync(task.ReplayId, token).ConfigureAwait(false)
            ?? throw new ApplicationFailureException($"replay {task.ReplayId} does not exist", errorType: "InvalidReplay", nonRetryable: true);
        var spec = ReplaySpec.FromJson(replay.RequestJson);
        var result = await services.Data.Replays.GetResultAsync(task.ReplayId, token).ConfigureAwait(false);
        if (result is null || result.Items.Count == 0)
        {
            return new ReplayRendered(task.ReplayId, result?.Revision ?? 0, []);
        }

        var ranges = result.Items.OrderBy(i => i.Position).Select(i => new TimeRange(i.StartMs, i.EndMs)).ToList();
        var chunks = await ChunksAsync(task.EventId, new TimeRange(ranges.Min(r => r.StartMs), ranges.Max(r => r.EndMs)), token).ConfigureAwait(false);
        var resolutions = spec.Resolutions.Count > 0 ? spec.Resolutions.Select(RenderResolution.Parse).ToList() : [RenderResolution.P720];
        ReplayRenderResult rendered;
        var request = new ReplayRenderRequest(
            chunks, ranges, resolutions, services.Storage.Replay(task.EventId, task.ReplayId), "replay", spec.Mp4, spec.Hls,
            spec.TransitionClip is null ? spec.TransitionMs : 0, TransitionClip: spec.TransitionClip);
        await using (KeepAlive.Start())
        {
            try
            {
                rendered = await services.Renderer.RenderAsync(request, token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is ReplayRequestRefusedException or FileNotFoundException)
            {
                // The request itself is refused (a missing transition clip, segments shorter than the fades, options
                // MediaConvert cannot use): every attempt would fail the same way. Missing chunks stay retryable.
                await services.Data.Replays.SetStatusAsync(task.ReplayId, ReplayStatus.Failed, cancellationToken: token).ConfigureAwait(false);
                throw new ApplicationFailureException($"replay {task.ReplayId} cannot be rendered: {e.Message}", e, errorType: "InvalidReplay", nonRetryable: true);
            }
        }

        var files = new List<string>();
        foreach (var (resolution, path) in rendered.Mp4ByResolution)
        {
            files.Add(path);
            await RecordExportAsync(task.EventId, task.ReplayId, $"mp4-{resolution}", path, token).ConfigureAwait(false);
        }

        if (rendered.MasterPlaylist is { } master)
        {
            files.Add(master);
            await RecordExportAsync(task.EventId, task.ReplayId, "hls", master, token).ConfigureAwait(false);
        }

        await services.Data.Replays.SetStatusAsync(task.ReplayId, ReplayStatus.Complete, null, token).ConfigureAwait(false);
        LogRendered(log, task.ReplayId, result.Revision, ranges.Count, rendered.PlannedDuration.TotalSeconds);
        return new ReplayRendered(task.ReplayId, result.Revision, files);
    }

    [Activity(ActivityNames.ExportEvent)]
    public async Task<IReadOnlyList<ExportOutcome>> ExportEventAsync(ExportTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var token = ActivityExecutionContext.Current.CancellationToken;
        var (profile, definition) = await services.Profiles.GetAsync(task.EventId, token).ConfigureAwait(false);
        var record = await services.Data.Events.GetAsync(task.EventId, token).ConfigureAwait(false);
        var info = new EventExportInfo(
            task.EventId, record?.Name ?? task.EventId, record?.Program ?? "default", profile.Name, profile.ProcessingFrameRate, definition.AudioTracks,
            definition.Source ?? task.EventId,
            profile.Plugins.SelectMany(p => p.Descriptor.OutputAttributes).Where(o => o.IsFeature).Select(o => o.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());
        var directory = task.OutputDirectory is { } dir ? Directory.CreateDirectory(dir).FullName : services.Storage.Exports(task.EventId);
        var segments = await ExportSegmentsAsync(task.EventId, profile.Classifier.Name, token).ConfigureAwait(false);
        var outcomes = new List<ExportOutcome>();
        foreach (var format in task.Formats)
        {
            switch (format)
            {
                case "edl":
                    var edls = EventEdlExporter.Export(info, segments);
                    var edlFiles = new List<string>();
                    foreach (var edl in edls)
                    {
                        edlFiles.Add(await WriteAsync(task.EventId, "", $"edl-{edl.AudioTrack}", Path.Combine(directory, edl.FileName), edl.Content, token).ConfigureAwait(false));
                    }

                    outcomes.Add(new ExportOutcome("edl", "", edlFiles));
                    break;
                case "json":
                    var json = EventJsonExporter.Export(info, segments);
                    outcomes.Add(new ExportOutcome("json", "", [await WriteAsync(task.EventId, "", "event-json", Path.Combine(directory, $"{PipelineStorage.SafeName(task.EventId)}.json"), json, token).ConfigureAwait(false)]));
                    break;
                default:
                    throw new ApplicationFailureException($"unknown export format '{format}': use edl or json (replays are rendered as mp4 and hls)", errorType: "InvalidExport", nonRetryable: true);
            }
        }

        foreach (var replayId in task.ReplayIds)
        {
            var replay = await services.Data.Replays.GetAsync(replayId, token).ConfigureAwait(false);
            var result = await services.Data.Replays.GetResultAsync(replayId, token).ConfigureAwait(false);
            if (replay is null || result is null)
            {
                continue;
            }

            var spec = ReplaySpec.FromJson(replay.RequestJson);
            var selection = new ReplaySelection(result.Items.OrderBy(i => i.Position).Select(i => new SelectedClip(
                new SegmentKey(task.EventId, i.Classifier, i.SegmentStartMs), i.StartMs, i.EndMs, null, null, i.Score is { } sc ? (int)sc : null, [], false)).ToList());
            var edl = EventEdlExporter.ExportReplay(info, spec.Request, selection);
            var edlPath = await WriteAsync(task.EventId, replayId, "replay-edl", Path.Combine(directory, $"{PipelineStorage.SafeName(replayId)}.edl"), edl.Content, token).ConfigureAwait(false);
            var json = ReplayJsonExporter.Export(info, spec.Request, selection);
            var jsonPath = await WriteAsync(task.EventId, replayId, "replay-json", Path.Combine(directory, $"{PipelineStorage.SafeName(replayId)}.json"), json, token).ConfigureAwait(false);
            outcomes.Add(new ExportOutcome("replay", replayId, [edlPath, jsonPath]));
        }

        return outcomes;
    }

    private async Task<IReadOnlyList<ExportSegment>> ExportSegmentsAsync(string eventId, string classifier, CancellationToken token)
    {
        var segments = await services.Data.Segments.QueryAsync(new SegmentQuery(eventId) { Classifier = classifier, Closed = true }, token).ConfigureAwait(false);
        var feedback = await services.Data.Feedback.ListAsync(eventId, token).ConfigureAwait(false);
        return segments.Select(s => new ExportSegment(
            s.Classifier, s.StartMs, s.EndMs!.Value, SegmentCloseReason.Classifier, s.OptimizedStartMs, s.OptimizedEndMs, s.Label,
            ReplayCandidates.Features(s.FeaturesJson),
            ReplayCandidates.ToFeedback(ReplayCandidates.Latest(feedback, s)?.Verdict))).ToList();
    }

    private async Task<IReadOnlyList<MediaChunk>> ChunksAsync(string eventId, TimeRange range, CancellationToken token)
    {
        var chunks = await services.Data.Chunks.ListCoveringAsync(eventId, range, token).ConfigureAwait(false);
        if (chunks.Count == 0)
        {
            throw new ApplicationFailureException($"no recorded chunk of event {eventId} covers {range}", errorType: "MissingChunk", nonRetryable: true);
        }

        return chunks.Select(c => new MediaChunk(c.ChunkNumber, c.Location, new TimeRange(c.StartMs, c.EndMs))).ToList();
    }

    private async Task<string> WriteAsync(string eventId, string replayId, string kind, string path, string content, CancellationToken token)
    {
        var temp = path + ".tmp";
        await File.WriteAllTextAsync(temp, content, token).ConfigureAwait(false);
        File.Move(temp, path, overwrite: true);
        await RecordExportAsync(eventId, replayId, kind, path, token).ConfigureAwait(false);
        return path;
    }

    private async Task RecordExportAsync(string eventId, string replayId, string kind, string path, CancellationToken token)
    {
        byte[] hash;
        long size;
        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            hash = await SHA256.HashDataAsync(stream, token).ConfigureAwait(false);
            size = stream.Length;
        }

        await services.Data.Exports.UpsertAsync(
            new ExportRecord(eventId, replayId, kind, 0, path, Convert.ToHexStringLower(hash), size), token).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 7301, Level = LogLevel.Information, Message = "Event {EventId}: clips of segment {StartMs}-{EndMs} ms written ({Files} files)")]
    private static partial void LogClipped(ILogger logger, string eventId, long startMs, long endMs, int files);

    [LoggerMessage(EventId = 7302, Level = LogLevel.Information, Message = "Replay {ReplayId} revision {Revision} rendered: {Clips} clips, {Seconds:0.0} s")]
    private static partial void LogRendered(ILogger logger, string replayId, int revision, int clips, double seconds);
}
