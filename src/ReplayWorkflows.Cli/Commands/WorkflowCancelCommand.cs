using System.CommandLine;
using ReplayWorkflows.Cli.Options;

namespace ReplayWorkflows.Cli.Commands;

/// <summary><c>replay workflow cancel</c>: requests cancellation; the workflow decides how to wind down.</summary>
internal static class WorkflowCancelCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var target = new WorkflowTarget();
        var format = OutputFormat.Create();
        var command = new Command("cancel", "Request cancellation of a workflow (it can clean up before it closes)") { format };
        target.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var handle = await target.RunAsync(parse, "cancel", async h =>
            {
                await h.CancelAsync().ConfigureAwait(false);
                return h;
            }, cancellationToken).ConfigureAwait(false);
            if (OutputFormat.IsJson(parse, format))
            {
                await OutputFormat.WriteJsonAsync(output, new { WorkflowId = handle.Id, handle.RunId, CancelRequested = true }).ConfigureAwait(false);
            }
            else
            {
                await output.WriteLineAsync($"Cancellation requested for workflow {handle.Id}").ConfigureAwait(false);
            }

            return 0;
        });
        _ = error;
        return command;
    }
}
