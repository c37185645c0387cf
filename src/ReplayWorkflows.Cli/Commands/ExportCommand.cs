using System.CommandLine;
using ReplayWorkflows.Cli.Options;
using ReplayWorkflows.Data;
using ReplayWorkflows.Data.Records;
using ReplayWorkflows.Workflows.Contracts;
using ReplayWorkflows.Workflows.Exports;
using Temporalio.Client;
using Temporalio.Exceptions;

namespace ReplayWorkflows.Cli.Commands;

/// <summary>
/// <c>replay export</c>: an event's segments as EDL or JSON (written by the export workflow on the workers, with an
/// EDL and JSON per replay too), or copies of its rendered replays (MP4, HLS) into a folder.
/// </summary>
internal static class ExportCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var temporal = new TemporalOptions();
        var data = new DataOptions();
        var eventId = new Option<string>("--event") { Description = "Event id", Required = true };
        var kind = new Option<string>("--format") { Description = "edl or json (the event's segments and its replays' selections), mp4 or hls (copies of rendered replays)", Required = true };
        kind.AcceptOnlyFromAmong("edl", "json", "mp4", "hls");
        var outDir = new Option<string>("--out") { Description = "Folder to write into (created when missing)", Required = true, HelpName = "dir" };
        var format = OutputFormat.Create();
        var command = new Command("export", "Export an event: EDL or JSON of its segments and replays, or its rendered MP4/HLS replays") { eventId, kind, outDir, format };
        temporal.AddTo(command);
        data.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var id = parse.GetValue(eventId)!;
            var what = parse.GetValue(kind)!;
            var directory = Path.GetFullPath(parse.GetValue(outDir)!);
            var plane = await data.OpenAsync(parse, cancellationToken).ConfigureAwait(false);
            await using var planeScope = plane.ConfigureAwait(false);
            _ = await plane.Events.GetAsync(id, cancellationToken).ConfigureAwait(false)
                ?? throw new CliUserException($"event {id} not found in {plane.Description} (see 'replay event list')");
            IReadOnlyList<string> files = what is "edl" or "json"
                ? await RunExportAsync(temporal, parse, plane, id, what, directory, cancellationToken).ConfigureAwait(false)
                : await CopyRenderedAsync(plane, id, what, directory, cancellationToken).ConfigureAwait(false);
            if (OutputFormat.IsJson(parse, format))
            {
                await OutputFormat.WriteJsonAsync(output, new { EventId = id, Format = what, Directory = directory, Files = files }).ConfigureAwait(false);
                return 0;
            }

            await output.WriteLineAsync($"exported event {id} as {what} to {directory}:").ConfigureAwait(false);
            foreach (var file in files)
            {
                await output.WriteLineAsync($"  {file}").ConfigureAwait(false);
            }

            return 0;
        });
        _ = error;
        return command;
    }

    private static async Task<IReadOnlyList<string>> RunExportAsync(
        TemporalOptions temporal, ParseResult parse, IDataPlane plane, string eventId, string format, string directory, CancellationToken cancellationToken)
    {
        var replays = await plane.Replays.ListByEventAsync(eventId, null, cancellationToken).ConfigureAwait(false);
        var client = await temporal.ConnectAsync(parse, cancellationToken).ConfigureAwait(false);
        var task = new ExportTask(eventId, [format], replays.Select(r => r.ReplayId).ToList(), directory);
        IReadOnlyList<ExportOutcome> outcomes;
        try
        {
            outcomes = await client.ExecuteWorkflowAsync(
                (ExportWorkflow w) => w.RunAsync(task),
                new WorkflowOptions($"export-{eventId}-{format}-{Guid.NewGuid():N}", TaskQueues.Events)).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (WorkflowFailedException ex)
        {
            throw new CliUserException($"export of event {eventId} failed: {Innermost(ex).Message.ReplaceLineEndings(" ")}");
        }

        return outcomes.SelectMany(o => o.Files).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Copies each replay's rendered files (export rows <c>mp4-RES</c> or <c>hls</c>) into <c>DIR/REPLAY/</c>.</summary>
    private static async Task<IReadOnlyList<string>> CopyRenderedAsync(IDataPlane plane, string eventId, string format, string directory, CancellationToken cancellationToken)
    {
        var rendered = (await plane.Exports.ListAsync(eventId, cancellationToken).ConfigureAwait(false))
            .Where(e => e.ReplayId.Length > 0 && (format == "mp4" ? e.Kind.StartsWith("mp4-", StringComparison.Ordinal) : e.Kind == "hls"))
            .ToList();
        if (rendered.Count == 0)
        {
            throw new CliUserException($"event {eventId} has no rendered {format} replay yet (create one with 'replay replays create --event {eventId} ...')");
        }

        var files = new List<string>();
        foreach (var row in rendered)
        {
            if (!File.Exists(row.Location))
            {
                throw new CliUserException($"replay {row.ReplayId}: rendered file {row.Location} is missing (was it written on another machine?)");
            }

            var target = Directory.CreateDirectory(Path.Combine(directory, row.ReplayId)).FullName;
            if (format == "mp4")
            {
                files.Add(await CopyAsync(row.Location, Path.Combine(target, Path.GetFileName(row.Location)), cancellationToken).ConfigureAwait(false));
                continue;
            }

            // HLS: the master playlist and everything beside and below it except the MP4s it was cut from.
            var root = Path.GetDirectoryName(row.Location)!;
            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".mp4", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal))
            {
                var copied = await CopyAsync(file, Path.Combine(target, Path.GetRelativePath(root, file)), cancellationToken).ConfigureAwait(false);
                if (string.Equals(file, row.Location, StringComparison.Ordinal))
                {
                    files.Insert(0, copied);
                }
                else if (file.EndsWith(".m3u8", StringComparison.OrdinalIgnoreCase))
                {
                    files.Add(copied);
                }
            }
        }

        return files;
    }

    private static async Task<string> CopyAsync(string from, string to, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        var source = File.OpenRead(from);
        await using (source.ConfigureAwait(false))
        {
            var target = File.Create(to);
            await using (target.ConfigureAwait(false))
            {
                await source.CopyToAsync(target, cancellationToken).ConfigureAwait(false);
            }
        }

        return to;
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is { } inner)
        {
            ex = inner;
        }

        return ex;
    }
}
