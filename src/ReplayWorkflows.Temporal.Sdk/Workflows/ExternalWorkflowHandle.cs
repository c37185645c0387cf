using System.Linq.Expressions;

namespace Temporalio.Workflows;

/// <summary>Another workflow that this workflow can signal or cancel.</summary>
public abstract class ExternalWorkflowHandle
{
    public abstract string Id { get; }

    public abstract string? RunId { get; }

    /// <summary>Signals the workflow with the [WorkflowSignal] method the lambda calls.</summary>
    public Task SignalAsync<TWorkflow>(Expression<Func<TWorkflow, Task>> signalCall, ExternalWorkflowSignalOptions? options = null)
    {
        var (method, args) = Common.ExpressionUtil.ExtractCall(signalCall);
        return SignalAsync(WorkflowDefinition.SignalNameOf(method), args, options);
    }

    public abstract Task SignalAsync(string signal, IReadOnlyCollection<object?> args, ExternalWorkflowSignalOptions? options = null);

    public abstract Task CancelAsync();
}

/// <summary>An external workflow handle typed by its class.</summary>
public abstract class ExternalWorkflowHandle<TWorkflow> : ExternalWorkflowHandle
{
    public Task SignalAsync(Expression<Func<TWorkflow, Task>> signalCall, ExternalWorkflowSignalOptions? options = null) =>
        SignalAsync<TWorkflow>(signalCall, options);
}
