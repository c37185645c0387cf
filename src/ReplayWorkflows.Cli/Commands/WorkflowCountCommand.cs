using System.CommandLine;
using System.Globalization;
using ReplayWorkflows.Cli.Options;
using Temporalio.Exceptions;

namespace ReplayWorkflows.Cli.Commands;

/// <summary><c>replay workflow count</c>: how many workflow executions match a visibility query.</summary>
internal static class WorkflowCountCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var temporal = new TemporalOptions();
        var query = new Option<string?>("--query", "-q")
        {
            Description = "Visibility count filter, for example \"ExecutionStatus = 'Running'\" (GROUP BY ExecutionStatus counts per status)",
            HelpName = "query",
        };
        var format = OutputFormat.Create();
        var command = new Command("count", "Count workflow executions matching a query") { query, format };
        temporal.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var client = await temporal.ConnectAsync(parse, cancellationToken).ConfigureAwait(false);
            var filter = parse.GetValue(query) ?? string.Empty;
            Temporalio.Client.WorkflowExecutionCount count;
            try
            {
                count = await client.CountWorkflowsAsync(filter).WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (RpcException ex)
            {
                throw new CliUserException($"cannot count workflows{(filter.Length > 0 ? $" matching \"{filter}\"" : "")}: {ex.Message.ReplaceLineEndings(" ").Trim()}");
            }

            var groups = count.Groups.Select(g => new Group(g.Count, g.GroupValues.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "").ToList())).ToList();
            if (OutputFormat.IsJson(parse, format))
            {
                await OutputFormat.WriteJsonAsync(output, new { count.Count, Groups = groups }).ConfigureAwait(false);
                return 0;
            }

            await output.WriteLineAsync($"Total: {WorkflowFormat.Number(count.Count)}").ConfigureAwait(false);
            foreach (var group in groups)
            {
                await output.WriteLineAsync($"  {string.Join(", ", group.Values)}: {WorkflowFormat.Number(group.Count)}").ConfigureAwait(false);
            }

            return 0;
        });
        _ = error;
        return command;
    }

    private sealed record Group(long Count, IReadOnlyList<string> Values);
}
