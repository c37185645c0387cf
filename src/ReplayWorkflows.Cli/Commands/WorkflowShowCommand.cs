using System.CommandLine;
using ReplayWorkflows.Cli.Options;

namespace ReplayWorkflows.Cli.Commands;

/// <summary>
/// <c>replay workflow show</c>: a workflow's history, one event per line (id, time, type, short attribute summary).
/// <c>--output json</c> prints the history in Temporal's JSON form (<c>{"events": [...]}</c>), which the replayer and
/// Temporal's tools read.
/// </summary>
internal static class WorkflowShowCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var target = new WorkflowTarget();
        var format = OutputFormat.Create();
        var command = new Command("show", "Show a workflow's event history: event id, time, type and a short summary of each event") { format };
        target.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var history = await target.RunAsync(parse, "show", h => h.FetchHistoryAsync(), cancellationToken).ConfigureAwait(false);
            if (OutputFormat.IsJson(parse, format))
            {
                await output.WriteLineAsync(history.ToJson()).ConfigureAwait(false);
                return 0;
            }

            var table = new TextTable("ID", "TIME", "TYPE", "DETAILS");
            foreach (var e in history.Events)
            {
                table.Add(WorkflowFormat.Number(e.EventId), WorkflowFormat.Time(e.EventTime), e.EventType.ToString(), WorkflowEventSummary.Of(e));
            }

            table.WriteTo(output);
            return 0;
        });
        _ = error;
        return command;
    }
}
