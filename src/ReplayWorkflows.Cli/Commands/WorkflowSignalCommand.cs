using System.CommandLine;
using ReplayWorkflows.Cli.Options;

namespace ReplayWorkflows.Cli.Commands;

/// <summary><c>replay workflow signal</c>: sends a named signal with JSON arguments.</summary>
internal static class WorkflowSignalCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var target = new WorkflowTarget();
        var name = new Option<string>("--name") { Description = "Signal name", Required = true, HelpName = "name" };
        var input = WorkflowInputs.Create("Signal");
        var format = OutputFormat.Create();
        var command = new Command("signal", "Send a signal to a workflow") { name, input, format };
        target.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var signal = parse.GetValue(name)!;
            var args = WorkflowInputs.Parse(parse, input);
            var handle = await target.RunAsync(parse, $"signal {signal} to", async h =>
            {
                await h.SignalAsync(signal, args).ConfigureAwait(false);
                return h;
            }, cancellationToken).ConfigureAwait(false);
            if (OutputFormat.IsJson(parse, format))
            {
                await OutputFormat.WriteJsonAsync(output, new { WorkflowId = handle.Id, handle.RunId, Signal = signal }).ConfigureAwait(false);
            }
            else
            {
                await output.WriteLineAsync($"Signal {signal} sent to workflow {handle.Id}").ConfigureAwait(false);
            }

            return 0;
        });
        _ = error;
        return command;
    }
}
