using System.CommandLine;
using ReplayWorkflows.Activities.Replays;
using ReplayWorkflows.Cli.Options;
using ReplayWorkflows.Data.Records;

namespace ReplayWorkflows.Cli.Commands;

/// <summary><c>replay replays show ID</c>: a replay's request, status, current selection and rendered files.</summary>
internal static class ReplayShowCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var data = new DataOptions();
        var id = new Argument<string>("id") { Description = "Replay id" };
        var format = OutputFormat.Create();
        var command = new Command("show", "Show a replay: status, selected segments and rendered files") { id, format };
        data.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var replayId = parse.GetValue(id)!;
            var plane = await data.OpenAsync(parse, cancellationToken).ConfigureAwait(false);
            await using var planeScope = plane.ConfigureAwait(false);
            var record = await plane.Replays.GetAsync(replayId, cancellationToken).ConfigureAwait(false)
                ?? throw new CliUserException($"replay {replayId} not found in {plane.Description}");
            var result = await plane.Replays.GetResultAsync(replayId, cancellationToken).ConfigureAwait(false);
            var exports = (await plane.Exports.ListAsync(record.EventId, cancellationToken).ConfigureAwait(false))
                .Where(e => string.Equals(e.ReplayId, replayId, StringComparison.Ordinal)).ToList();
            var spec = ReplaySpec.FromJson(record.RequestJson);
            var view = new ReplayView(
                record.ReplayId, record.EventId, record.Status.ToString(), record.Catchup, spec, result?.Revision ?? 0,
                result?.Items.OrderBy(i => i.Position).ToList() ?? [],
                exports.Select(e => new ExportView(e.Kind, e.AudioTrack, e.Location, e.SizeBytes)).ToList());
            if (OutputFormat.IsJson(parse, format))
            {
                await OutputFormat.WriteJsonAsync(output, view).ConfigureAwait(false);
                return 0;
            }

            var total = view.Items.Sum(i => i.EndMs - i.StartMs);
            await output.WriteLineAsync($"Replay {view.ReplayId} of event {view.EventId}: {view.Status}{(view.CatchUp ? ", catch-up" : "")}; target {EventFormat.Seconds(spec.Request.DurationMs)}, features {string.Join(", ", spec.Request.Features.Select(f => $"{f.Plugin}.{f.Attribute}={f.Weight}"))}").ConfigureAwait(false);
            await output.WriteLineAsync($"Selection: revision {view.Revision}, {view.Items.Count} segments, {EventFormat.Seconds(total)}").ConfigureAwait(false);
            if (view.Items.Count > 0)
            {
                await EventFormat.WriteTableAsync(
                    output,
                    ["#", "START", "END", "SCORE"],
                    view.Items.Select(i => (IReadOnlyList<string>)[
                        i.Position.ToString(System.Globalization.CultureInfo.InvariantCulture), EventFormat.Seconds(i.StartMs), EventFormat.Seconds(i.EndMs),
                        i.Score is { } s ? s.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) : "-"])).ConfigureAwait(false);
            }

            await output.WriteLineAsync(view.Exports.Count == 0 ? "Files: none yet" : "Files:").ConfigureAwait(false);
            foreach (var e in view.Exports)
            {
                await output.WriteLineAsync($"  {e.Kind}: {e.Location}").ConfigureAwait(false);
            }

            return 0;
        });
        _ = error;
        return command;
    }

    internal sealed record ReplayView(
        string ReplayId, string EventId, string Status, bool CatchUp, ReplaySpec Spec, int Revision, IReadOnlyList<ReplayResultItem> Items, IReadOnlyList<ExportView> Exports);

    internal sealed record ExportView(string Kind, int AudioTrack, string Location, long? SizeBytes);
}
