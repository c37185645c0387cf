using Temporalio.Common;
using Temporalio.Workflows;

namespace ReplayWorkflows.Temporal.Sdk.Tests;

/// <summary>Waits for a signal with a timeout, races a timer against a condition, then signals another workflow.</summary>
[Workflow]
public class CoordinatorWorkflow
{
    public static readonly SearchAttributeKey<string> Stage = SearchAttributeKey.CreateKeyword("ReplayStage");

    private bool go;

    [WorkflowSignal]
    public Task GoAsync()
    {
        go = true;
        return Task.CompletedTask;
    }

    [WorkflowRun]
    public async Task<string> RunAsync(string peerId)
    {
        // Nobody signals within 50 ms: the wait times out and says so.
        var early = await Workflow.WaitConditionAsync(() => go, TimeSpan.FromMilliseconds(50));
        Workflow.UpsertTypedSearchAttributes(Stage.ValueSet("waiting"));

        // The signal (sent by the test) wins the race against a long timer.
        var signalled = Workflow.WaitConditionAsync(() => go);
        var timer = Workflow.DelayAsync(TimeSpan.FromHours(1));
        var first = await Workflow.WhenAnyAsync(signalled, timer);

        await Workflow.GetExternalWorkflowHandle<CounterWorkflow>(peerId).SignalAsync(w => w.FinishAsync());
        Workflow.UpsertTypedSearchAttributes(Stage.ValueSet("done"));
        return $"early={early} first={(first == signalled ? "signal" : "timer")}";
    }
}
