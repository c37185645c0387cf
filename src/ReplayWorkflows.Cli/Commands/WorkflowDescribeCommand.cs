using System.CommandLine;
using Google.Protobuf;
using ReplayWorkflows.Cli.Options;
using Temporalio.Client;

namespace ReplayWorkflows.Cli.Commands;

/// <summary>
/// <c>replay workflow describe</c>: a workflow's status, type, task queue, times, pending activities and children.
/// <c>--output json</c> prints the server's DescribeWorkflowExecution response in protobuf JSON, as Temporal's CLI does.
/// </summary>
internal static class WorkflowDescribeCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var target = new WorkflowTarget();
        var format = OutputFormat.Create();
        var command = new Command("describe", "Show a workflow's status, type, task queue, start and close times, pending activities and children") { format };
        target.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var description = await target.RunAsync(parse, "describe", h => h.DescribeAsync(), cancellationToken).ConfigureAwait(false);
            if (OutputFormat.IsJson(parse, format))
            {
                await output.WriteLineAsync(JsonFormatter.Default.Format(description.RawDescription)).ConfigureAwait(false);
                return 0;
            }

            await WriteTextAsync(output, description).ConfigureAwait(false);
            return 0;
        });
        _ = error;
        return command;
    }

    private static async Task WriteTextAsync(TextWriter output, WorkflowExecutionDescription d)
    {
        var raw = d.RawDescription;
        var fields = new List<(string Name, string Value)>
        {
            ("WorkflowId", d.Id),
            ("RunId", d.RunId),
            ("Type", d.WorkflowType),
            ("Status", WorkflowFormat.Status(d.Status)),
            ("TaskQueue", d.TaskQueue),
            ("StartTime", WorkflowFormat.Time(d.StartTime)),
            ("CloseTime", WorkflowFormat.Time(d.CloseTime)),
            ("HistoryLength", WorkflowFormat.Number(d.HistoryLength)),
        };
        if (d.ParentId is { Length: > 0 } parent)
        {
            fields.Add(("Parent", $"{parent} ({d.ParentRunId})"));
        }

        if (raw.ExecutionConfig is { } config)
        {
            fields.Add(("RunTimeout", WorkflowFormat.Duration(config.WorkflowRunTimeout)));
        }

        var width = fields.Max(f => f.Name.Length);
        await output.WriteLineAsync("Execution:").ConfigureAwait(false);
        foreach (var (name, value) in fields)
        {
            await output.WriteLineAsync($"  {name.PadRight(width)}  {value}").ConfigureAwait(false);
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync($"Pending activities: {raw.PendingActivities.Count}").ConfigureAwait(false);
        if (raw.PendingActivities.Count > 0)
        {
            var table = new TextTable("ACTIVITY ID", "TYPE", "STATE", "ATTEMPT", "LAST FAILURE");
            foreach (var a in raw.PendingActivities)
            {
                table.Add(a.ActivityId, a.ActivityType?.Name ?? "", a.State.ToString(), WorkflowFormat.Number(a.Attempt),
                    a.LastFailure?.Message.ReplaceLineEndings(" ") ?? WorkflowFormat.None);
            }

            table.WriteTo(output);
        }

        await output.WriteLineAsync($"Pending child workflows: {raw.PendingChildren.Count}").ConfigureAwait(false);
        if (raw.PendingChildren.Count > 0)
        {
            var table = new TextTable("WORKFLOW ID", "RUN ID", "TYPE");
            foreach (var c in raw.PendingChildren)
            {
                table.Add(c.WorkflowId, c.RunId, c.WorkflowTypeName);
            }

            table.WriteTo(output);
        }
    }
}
