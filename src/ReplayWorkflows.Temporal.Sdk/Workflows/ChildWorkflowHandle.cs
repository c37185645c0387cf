using System.Linq.Expressions;

namespace Temporalio.Workflows;

/// <summary>A started child workflow.</summary>
public abstract class ChildWorkflowHandle
{
    public abstract string Id { get; }

    public abstract string FirstExecutionRunId { get; }

    public Task GetResultAsync() => GetResultAsync<ValueTuple>();

    public abstract Task<TResult> GetResultAsync<TResult>();

    /// <summary>Signals the child with the [WorkflowSignal] method the lambda calls.</summary>
    public Task SignalAsync<TWorkflow>(Expression<Func<TWorkflow, Task>> signalCall, ChildWorkflowSignalOptions? options = null)
    {
        var (method, args) = Common.ExpressionUtil.ExtractCall(signalCall);
        return SignalAsync(WorkflowDefinition.SignalNameOf(method), args, options);
    }

    public abstract Task SignalAsync(string signal, IReadOnlyCollection<object?> args, ChildWorkflowSignalOptions? options = null);
}

/// <summary>A started child workflow typed by its class.</summary>
public abstract class ChildWorkflowHandle<TWorkflow> : ChildWorkflowHandle
{
    public Task SignalAsync(Expression<Func<TWorkflow, Task>> signalCall, ChildWorkflowSignalOptions? options = null) =>
        SignalAsync<TWorkflow>(signalCall, options);
}

/// <summary>A started child workflow typed by its class and result.</summary>
public abstract class ChildWorkflowHandle<TWorkflow, TResult> : ChildWorkflowHandle<TWorkflow>
{
    public new Task<TResult> GetResultAsync() => GetResultAsync<TResult>();
}
