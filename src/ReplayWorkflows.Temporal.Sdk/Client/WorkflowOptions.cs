using System.Linq.Expressions;
using Temporalio.Api.Enums.V1;
using Temporalio.Common;
using Temporalio.Workflows;

namespace Temporalio.Client;

/// <summary>How to start a workflow. Id and TaskQueue are required.</summary>
public class WorkflowOptions : ICloneable
{
    public WorkflowOptions()
    {
    }

    public WorkflowOptions(string id, string taskQueue)
    {
        Id = id;
        TaskQueue = taskQueue;
    }

    public string? Id { get; set; }

    public string? TaskQueue { get; set; }

    public TimeSpan? ExecutionTimeout { get; set; }

    public TimeSpan? RunTimeout { get; set; }

    public TimeSpan? TaskTimeout { get; set; }

    public WorkflowIdReusePolicy IdReusePolicy { get; set; } = WorkflowIdReusePolicy.AllowDuplicate;

    public WorkflowIdConflictPolicy IdConflictPolicy { get; set; } = WorkflowIdConflictPolicy.Unspecified;

    public RetryPolicy? RetryPolicy { get; set; }

    public string? CronSchedule { get; set; }

    public IReadOnlyDictionary<string, object>? Memo { get; set; }

    public SearchAttributeCollection? TypedSearchAttributes { get; set; }

    public TimeSpan? StartDelay { get; set; }

    /// <summary>Set by <see cref="SignalWithStart(string, IReadOnlyCollection{object?})"/>: start with this signal.</summary>
    public string? StartSignal { get; set; }

    public IReadOnlyCollection<object?>? StartSignalArgs { get; set; }

    public bool RequestEagerStart { get; set; }

    /// <summary>Task-queue ordering hints for the workflow (and, by default, its activities).</summary>
    public Priority? Priority { get; set; }

    public RpcOptions? Rpc { get; set; }

    /// <summary>Makes the start a signal-with-start with this signal.</summary>
    public void SignalWithStart(string signal, IReadOnlyCollection<object?> args)
    {
        StartSignal = signal;
        StartSignalArgs = args;
    }

    /// <summary>Makes the start a signal-with-start with the signal a [WorkflowSignal] call names.</summary>
    public void SignalWithStart<TWorkflow>(Expression<Func<TWorkflow, Task>> signalCall)
    {
        var (method, args) = ExpressionUtil.ExtractCall(signalCall);
        SignalWithStart(WorkflowDefinition.SignalNameOf(method), args);
    }

    /// <summary>A shallow copy, with its own copy of <see cref="Rpc"/>.</summary>
    public virtual object Clone()
    {
        var copy = (WorkflowOptions)MemberwiseClone();
        copy.Rpc = (RpcOptions?)Rpc?.Clone();
        return copy;
    }
}
