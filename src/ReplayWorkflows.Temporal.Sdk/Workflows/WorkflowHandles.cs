namespace Temporalio.Workflows;

/// <summary>A started child workflow.</summary>
public class ChildWorkflowHandle
{
    private readonly Task<object?> result;
    private readonly Func<string, IReadOnlyCollection<object?>, Task> signal;

    internal ChildWorkflowHandle(string id, string firstExecutionRunId, Task<object?> result, Func<string, IReadOnlyCollection<object?>, Task> signal)
    {
        Id = id;
        FirstExecutionRunId = firstExecutionRunId;
        this.result = result;
        this.signal = signal;
    }

    public string Id { get; }

    public string FirstExecutionRunId { get; }

    public Task GetResultAsync() => result;

    public async Task<TResult> GetResultAsync<TResult>() => (TResult)(await result)!;

    public Task SignalAsync(string signal, IReadOnlyCollection<object?> args) => this.signal(signal, args);
}

/// <summary>A started child workflow typed by its class.</summary>
public class ChildWorkflowHandle<TWorkflow> : ChildWorkflowHandle
{
    internal ChildWorkflowHandle(ChildWorkflowHandle untyped, Task<object?> result, Func<string, IReadOnlyCollection<object?>, Task> signal)
        : base(untyped.Id, untyped.FirstExecutionRunId, result, signal)
    {
    }

    public Task SignalAsync(System.Linq.Expressions.Expression<Func<TWorkflow, Task>> signalCall)
    {
        var (method, args) = Common.ExpressionUtil.ExtractCall(signalCall);
        return SignalAsync(WorkflowDefinition.SignalNameOf(method), args);
    }
}

/// <summary>A started child workflow typed by its class and result.</summary>
public class ChildWorkflowHandle<TWorkflow, TResult> : ChildWorkflowHandle<TWorkflow>
{
    internal ChildWorkflowHandle(ChildWorkflowHandle untyped, Task<object?> result, Func<string, IReadOnlyCollection<object?>, Task> signal)
        : base(untyped, result, signal)
    {
    }

    public new Task<TResult> GetResultAsync() => GetResultAsync<TResult>();
}

/// <summary>Another workflow that this workflow can signal or cancel.</summary>
public class ExternalWorkflowHandle
{
    private readonly Func<string, IReadOnlyCollection<object?>, Task> signal;
    private readonly Func<Task> cancel;

    internal ExternalWorkflowHandle(string id, string? runId, Func<string, IReadOnlyCollection<object?>, Task> signal, Func<Task> cancel)
    {
        Id = id;
        RunId = runId;
        this.signal = signal;
        this.cancel = cancel;
    }

    public string Id { get; }

    public string? RunId { get; }

    public Task SignalAsync(string signal, IReadOnlyCollection<object?> args) => this.signal(signal, args);

    public Task CancelAsync() => cancel();
}

/// <summary>An external workflow handle typed by its class.</summary>
public class ExternalWorkflowHandle<TWorkflow> : ExternalWorkflowHandle
{
    internal ExternalWorkflowHandle(ExternalWorkflowHandle untyped, Func<string, IReadOnlyCollection<object?>, Task> signal, Func<Task> cancel)
        : base(untyped.Id, untyped.RunId, signal, cancel)
    {
    }

    public Task SignalAsync(System.Linq.Expressions.Expression<Func<TWorkflow, Task>> signalCall)
    {
        var (method, args) = Common.ExpressionUtil.ExtractCall(signalCall);
        return SignalAsync(WorkflowDefinition.SignalNameOf(method), args);
    }
}
