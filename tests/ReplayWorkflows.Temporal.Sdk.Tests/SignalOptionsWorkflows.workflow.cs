using Temporalio.Exceptions;
using Temporalio.Workflows;

namespace ReplayWorkflows.Temporal.Sdk.Tests;

/// <summary>
/// Signals a child and an external workflow in the lambda and name forms with signal options, and cancels two
/// external signals through their options' tokens: one before it is issued, one before its task completes.
/// </summary>
[Workflow]
public class SignalOptionsWorkflow
{
    [WorkflowRun]
    public async Task<string> RunAsync(string peerId)
    {
        var outcomes = new List<string>();
        var child = await Workflow.StartChildWorkflowAsync((CounterWorkflow w) => w.RunAsync(0), new ChildWorkflowOptions { Id = $"{Workflow.Info.WorkflowId}-child" });
        await child.SignalAsync(w => w.AddAsync("lambda"), new ChildWorkflowSignalOptions());
        await child.SignalAsync("Add", ["named"], new ChildWorkflowSignalOptions { CancellationToken = CancellationToken.None });

        var peer = Workflow.GetExternalWorkflowHandle<CounterWorkflow>(peerId);
        using (var cancelled = new CancellationTokenSource())
        {
            cancelled.Cancel();
            outcomes.Add(await OutcomeAsync(peer.SignalAsync(w => w.AddAsync("never"), new ExternalWorkflowSignalOptions { CancellationToken = cancelled.Token })));
        }

        using (var later = new CancellationTokenSource())
        {
            var pending = peer.SignalAsync(w => w.AddAsync("dropped"), new ExternalWorkflowSignalOptions { CancellationToken = later.Token });
            later.Cancel();
            outcomes.Add(await OutcomeAsync(pending));
        }

        await Workflow.GetExternalWorkflowHandle(peerId).SignalAsync("Add", ["sent"], new ExternalWorkflowSignalOptions());
        await peer.SignalAsync(w => w.FinishAsync());
        await child.SignalAsync(w => w.FinishAsync());
        outcomes.Add(await child.GetResultAsync());
        return string.Join(" | ", outcomes);
    }

    private static async Task<string> OutcomeAsync(Task signal)
    {
        try
        {
            await signal;
            return "sent";
        }
        catch (CanceledFailureException e)
        {
            return e.Message;
        }
    }
}
