using System.CommandLine;
using ReplayWorkflows.Cli.Options;
using ReplayWorkflows.Data.Records;

namespace ReplayWorkflows.Cli.Commands;

/// <summary><c>replay event list</c>: the events in the data plane with their status, profile and media end.</summary>
internal static class EventListCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var data = new DataOptions();
        var status = new Option<EventStatus[]>("--status") { Description = "Only events with this status (repeatable): Queued, InProgress, Complete, Failed" };
        var format = OutputFormat.Create();
        var command = new Command("list", "List events with their status, profile and how much media they have") { status, format };
        data.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var plane = await data.OpenAsync(parse, cancellationToken).ConfigureAwait(false);
            await using var planeScope = plane.ConfigureAwait(false);
            var statuses = parse.GetValue(status) is { Length: > 0 } s ? s : null;
            var events = await plane.Events.ListAsync(statuses, cancellationToken).ConfigureAwait(false);
            if (OutputFormat.IsJson(parse, format))
            {
                await OutputFormat.WriteJsonAsync(output, events.Select(e => new
                {
                    e.EventId, e.Name, e.Program, Status = e.Status.ToString(), Profile = e.ProfileName, e.MediaEndMs,
                    ScheduledStart = e.ScheduledStartUnixMs is { } st ? DateTimeOffset.FromUnixTimeMilliseconds(st).UtcDateTime : (DateTime?)null, e.DurationMs,
                })).ConfigureAwait(false);
                return 0;
            }

            if (events.Count == 0)
            {
                await output.WriteLineAsync($"no events in {plane.Description}").ConfigureAwait(false);
                return 0;
            }

            await EventFormat.WriteTableAsync(
                output,
                ["ID", "STATUS", "PROFILE", "MEDIA END", "SCHEDULED", "NAME"],
                events.Select(e => (IReadOnlyList<string>)[e.EventId, e.Status.ToString(), e.ProfileName, EventFormat.Seconds(e.MediaEndMs), EventFormat.Utc(e.ScheduledStartUnixMs), e.Name])).ConfigureAwait(false);
            return 0;
        });
        _ = error;
        return command;
    }
}
