namespace Temporalio.Workflows.Runtime;

/// <summary>The child handle workflow code gets: its result and its signals go through the owning instance.</summary>
internal sealed class ChildWorkflowHandleImpl<TWorkflow, TResult>(WorkflowInstance instance, string id, string firstExecutionRunId, Task<object?> result)
    : ChildWorkflowHandle<TWorkflow, TResult>
{
    public override string Id => id;

    public override string FirstExecutionRunId => firstExecutionRunId;

    public override async Task<T> GetResultAsync<T>()
    {
        var value = await result;
        // ValueTuple stands for "no result" (the untyped GetResultAsync).
        return value is null || typeof(T) == typeof(ValueTuple) ? default! : (T)value;
    }

    public override Task SignalAsync(string signal, IReadOnlyCollection<object?> args, ChildWorkflowSignalOptions? options = null) =>
        instance.SignalExternalAsync(id, null, signal, args, childOnly: true, options?.CancellationToken);
}

/// <summary>The external handle workflow code gets; its commands go through the owning instance.</summary>
internal sealed class ExternalWorkflowHandleImpl<TWorkflow>(WorkflowInstance instance, string id, string? runId) : ExternalWorkflowHandle<TWorkflow>
{
    public override string Id => id;

    public override string? RunId => runId;

    public override Task SignalAsync(string signal, IReadOnlyCollection<object?> args, ExternalWorkflowSignalOptions? options = null) =>
        instance.SignalExternalAsync(id, runId, signal, args, childOnly: false, options?.CancellationToken);

    public override Task CancelAsync() => instance.CancelExternalAsync(id, runId, childOnly: false);
}
