using System.CommandLine;
using System.Globalization;
using ReplayWorkflows.Activities.Hosting;
using ReplayWorkflows.Cli.Options;
using ReplayWorkflows.Data.Records;

namespace ReplayWorkflows.Cli.Commands;

/// <summary>
/// <c>replay event show ID</c>: the event's record, its workflow's progress (when Temporal has the workflow and a worker
/// answers) and its closed and open segments with optimized bounds and labels, plus its clip count.
/// </summary>
internal static class EventShowCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var temporal = new TemporalOptions();
        var data = new DataOptions();
        var id = new Argument<string>("id") { Description = "Event id" };
        var format = OutputFormat.Create();
        var command = new Command("show", "Show an event: status, workflow progress, segments and clips") { id, format };
        temporal.AddTo(command);
        data.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var eventId = parse.GetValue(id)!;
            var plane = await data.OpenAsync(parse, cancellationToken).ConfigureAwait(false);
            await using var planeScope = plane.ConfigureAwait(false);
            var record = await plane.Events.GetAsync(eventId, cancellationToken).ConfigureAwait(false)
                ?? throw new CliUserException($"event {eventId} not found in {plane.Description} (see 'replay event list')");
            var client = await temporal.ConnectAsync(parse, cancellationToken).ConfigureAwait(false);
            var state = await EventWorkflowState.ReadAsync(new PipelineClient(client, plane), eventId, cancellationToken).ConfigureAwait(false);
            var segments = await plane.Segments.QueryAsync(new SegmentQuery(eventId), cancellationToken).ConfigureAwait(false);
            var clips = await plane.Clips.ListAsync(eventId, cancellationToken).ConfigureAwait(false);
            var replays = await plane.Replays.ListByEventAsync(eventId, null, cancellationToken).ConfigureAwait(false);
            var view = new EventView(
                record.EventId, record.Name, record.Status.ToString(), record.ProfileName, record.MediaEndMs, state.WorkflowId, state.StatusText, state.Progress,
                segments.Select(s => new SegmentView(s.Classifier, s.StartMs, s.EndMs, s.OptimizedStartMs, s.OptimizedEndMs, s.Label)).ToList(),
                clips.Count, replays.Select(r => r.ReplayId).ToList());
            if (OutputFormat.IsJson(parse, format))
            {
                await OutputFormat.WriteJsonAsync(output, view).ConfigureAwait(false);
                return 0;
            }

            await WriteTextAsync(output, view).ConfigureAwait(false);
            return 0;
        });
        _ = error;
        return command;
    }

    private static async Task WriteTextAsync(TextWriter output, EventView v)
    {
        var inv = CultureInfo.InvariantCulture;
        await output.WriteLineAsync($"Event {v.EventId} ({v.Name}): {v.Status}, profile {v.Profile}, media end {EventFormat.Seconds(v.MediaEndMs)}").ConfigureAwait(false);
        await output.WriteLineAsync($"Workflow {v.WorkflowId}: {v.WorkflowStatus}").ConfigureAwait(false);
        if (v.Progress is { } p)
        {
            await output.WriteLineAsync(string.Create(inv,
                $"Progress: {p.Phase}; {p.ChunksReceived} chunks received, {p.ChunksProcessed} processed, {p.ChunksFailed} failed, {p.Gaps.Count} gaps; {p.Segments} segments{(p.OpenSegmentStartMs is { } o ? $" (one open since {EventFormat.Seconds(o)})" : "")}; {p.Clips} clips")).ConfigureAwait(false);
            foreach (var f in p.Failures)
            {
                await output.WriteLineAsync($"  failed chunk {f.Chunk.ToString(inv)}{(f.Plugin is { } plugin ? $" ({plugin})" : "")}: {f.Message}").ConfigureAwait(false);
            }
        }

        await output.WriteLineAsync($"Segments: {v.Segments.Count.ToString(inv)}; clips: {v.Clips.ToString(inv)}; replays: {(v.Replays.Count == 0 ? "-" : string.Join(", ", v.Replays))}").ConfigureAwait(false);
        if (v.Segments.Count > 0)
        {
            await EventFormat.WriteTableAsync(
                output,
                ["START", "END", "OPTIMIZED", "LABEL"],
                v.Segments.Select(s => (IReadOnlyList<string>)[
                    EventFormat.Seconds(s.StartMs),
                    s.EndMs is null ? "(open)" : EventFormat.Seconds(s.EndMs),
                    s.OptimizedStartMs is { } os && s.OptimizedEndMs is { } oe ? $"{EventFormat.Seconds(os)} - {EventFormat.Seconds(oe)}" : "-",
                    s.Label ?? "-"])).ConfigureAwait(false);
        }
    }

    internal sealed record EventView(
        string EventId, string Name, string Status, string Profile, long? MediaEndMs, string WorkflowId, string WorkflowStatus,
        Workflows.Contracts.EventProgress? Progress, IReadOnlyList<SegmentView> Segments, int Clips, IReadOnlyList<string> Replays);

    internal sealed record SegmentView(string Classifier, long StartMs, long? EndMs, long? OptimizedStartMs, long? OptimizedEndMs, string? Label);
}
