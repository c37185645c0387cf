using System.CommandLine;
using ReplayWorkflows.Cli.Options;

namespace ReplayWorkflows.Cli.Commands;

/// <summary><c>replay workflow terminate</c>: closes a workflow at once; its code gets no chance to react.</summary>
internal static class WorkflowTerminateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var target = new WorkflowTarget();
        var reason = new Option<string?>("--reason") { Description = "Why, recorded in the WorkflowExecutionTerminated event", HelpName = "text" };
        var format = OutputFormat.Create();
        var command = new Command("terminate", "Terminate a workflow immediately (no cleanup runs)") { reason, format };
        target.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var why = parse.GetValue(reason);
            var handle = await target.RunAsync(parse, "terminate", async h =>
            {
                await h.TerminateAsync(why).ConfigureAwait(false);
                return h;
            }, cancellationToken).ConfigureAwait(false);
            if (OutputFormat.IsJson(parse, format))
            {
                await OutputFormat.WriteJsonAsync(output, new { WorkflowId = handle.Id, handle.RunId, Terminated = true, Reason = why }).ConfigureAwait(false);
            }
            else
            {
                await output.WriteLineAsync($"Workflow {handle.Id} terminated").ConfigureAwait(false);
            }

            return 0;
        });
        _ = error;
        return command;
    }
}
