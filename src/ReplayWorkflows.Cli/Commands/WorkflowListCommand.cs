using System.CommandLine;
using ReplayWorkflows.Cli.Options;
using Temporalio.Client;
using Temporalio.Exceptions;

namespace ReplayWorkflows.Cli.Commands;

/// <summary><c>replay workflow list</c>: workflow executions matching a visibility query, newest first.</summary>
internal static class WorkflowListCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var temporal = new TemporalOptions();
        var query = new Option<string?>("--query", "-q")
        {
            Description = "Visibility list filter, for example \"WorkflowType = 'EventWorkflow' AND ExecutionStatus = 'Running'\"",
            HelpName = "query",
        };
        var limit = new Option<int?>("--limit") { Description = "List at most this many workflows (default: all)", HelpName = "n" };
        limit.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is <= 0)
            {
                r.AddError("--limit must be a positive number");
            }
        });
        var format = OutputFormat.Create();
        var command = new Command("list", "List workflow executions: id, run id, type, status and start time") { query, limit, format };
        temporal.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var client = await temporal.ConnectAsync(parse, cancellationToken).ConfigureAwait(false);
            var filter = parse.GetValue(query) ?? string.Empty;
            var executions = new List<WorkflowExecution>();
            try
            {
                await foreach (var execution in client.ListWorkflowsAsync(filter, new WorkflowListOptions { Limit = parse.GetValue(limit) })
                    .WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    executions.Add(execution);
                }
            }
            catch (RpcException ex)
            {
                throw new CliUserException($"cannot list workflows{(filter.Length > 0 ? $" matching \"{filter}\"" : "")}: {ex.Message.ReplaceLineEndings(" ").Trim()}");
            }

            if (OutputFormat.IsJson(parse, format))
            {
                await OutputFormat.WriteJsonAsync(output, executions.Select(Summary.Of).ToList()).ConfigureAwait(false);
                return 0;
            }

            var table = new TextTable("WORKFLOW ID", "RUN ID", "TYPE", "STATUS", "START TIME");
            foreach (var e in executions)
            {
                table.Add(e.Id, e.RunId, e.WorkflowType, WorkflowFormat.Status(e.Status), WorkflowFormat.Time(e.StartTime));
            }

            table.WriteTo(output);
            return 0;
        });
        _ = error;
        return command;
    }

    /// <summary>One workflow of <c>--output json</c>.</summary>
    private sealed record Summary(
        string WorkflowId, string RunId, string Type, string Status, string TaskQueue, string StartTime, string? CloseTime, long HistoryLength)
    {
        public static Summary Of(WorkflowExecution e) => new(
            e.Id, e.RunId, e.WorkflowType, WorkflowFormat.Status(e.Status), e.TaskQueue, WorkflowFormat.Time(e.StartTime),
            e.CloseTime is null ? null : WorkflowFormat.Time(e.CloseTime), e.HistoryLength);
    }
}
