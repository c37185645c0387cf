using System.CommandLine;
using ReplayWorkflows.Cli.Options;
using ReplayWorkflows.Workflows.Contracts;
using ReplayWorkflows.Workflows.Events;
using Temporalio.Exceptions;

namespace ReplayWorkflows.Cli.Commands;

/// <summary>
/// <c>replay event stop ID</c>: signals the event to stop reading its source; chunks already received are still
/// processed, open segments are closed and replays and exports are finished as at a normal end.
/// </summary>
internal static class EventStopCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var temporal = new TemporalOptions();
        var id = new Argument<string>("id") { Description = "Event id" };
        var format = OutputFormat.Create();
        var command = new Command("stop", "Stop a running event (what it has received is still processed)") { id, format };
        temporal.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var eventId = parse.GetValue(id)!;
            var client = await temporal.ConnectAsync(parse, cancellationToken).ConfigureAwait(false);
            var workflowId = EventInput.WorkflowIdFor(eventId);
            try
            {
                await client.GetWorkflowHandle<EventWorkflow>(workflowId).SignalAsync(w => w.StopAsync()).WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (RpcException ex) when (ex.Code == RpcException.StatusCode.NotFound)
            {
                throw new CliUserException($"event {eventId} has no running workflow ({workflowId})");
            }

            if (OutputFormat.IsJson(parse, format))
            {
                await OutputFormat.WriteJsonAsync(output, new { EventId = eventId, WorkflowId = workflowId, Signal = "Stop" }).ConfigureAwait(false);
            }
            else
            {
                await output.WriteLineAsync($"event {eventId}: stop sent to {workflowId}").ConfigureAwait(false);
            }

            return 0;
        });
        _ = error;
        return command;
    }
}
