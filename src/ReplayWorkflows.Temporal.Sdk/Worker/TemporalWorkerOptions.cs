using Microsoft.Extensions.Logging;
using Temporalio.Activities;
using Temporalio.Workflows;

namespace Temporalio.Worker;

/// <summary>What a worker runs and how much of it at once.</summary>
public class TemporalWorkerOptions : ICloneable
{
    public TemporalWorkerOptions()
    {
    }

    public TemporalWorkerOptions(string taskQueue) => TaskQueue = taskQueue;

    public string? TaskQueue { get; set; }

    private List<ActivityDefinition> activities = [];
    private List<WorkflowDefinition> workflows = [];

    public IList<ActivityDefinition> Activities => activities;

    public IList<WorkflowDefinition> Workflows => workflows;

    /// <summary>The limit used where a MaxConcurrent* option is left null.</summary>
    internal const int DefaultMaxConcurrency = 100;

    public int? MaxConcurrentWorkflowTasks { get; set; }

    public int? MaxConcurrentActivities { get; set; }

    public int? MaxConcurrentLocalActivities { get; set; }

    public int MaxConcurrentWorkflowTaskPolls { get; set; } = 5;

    public int MaxConcurrentActivityTaskPolls { get; set; } = 5;

    public int MaxCachedWorkflows { get; set; } = 10_000;

    /// <summary>How long in-flight tasks may run after shutdown starts before their tokens are cancelled.</summary>
    public TimeSpan GracefulShutdownTimeout { get; set; } = TimeSpan.Zero;

    /// <summary>Disables the deadlock detector (workflow tasks that do not yield within 2 s), for debugging.</summary>
    public bool DebugMode { get; set; }

    public string? Identity { get; set; }

    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Exception types that fail the workflow (not just the workflow task) when they escape workflow code.</summary>
    public IReadOnlyCollection<Type>? WorkflowFailureExceptionTypes { get; set; }

    public TemporalWorkerOptions AddActivity(Delegate del)
    {
        Activities.Add(ActivityDefinition.Create(del));
        return this;
    }

    public TemporalWorkerOptions AddActivity(ActivityDefinition definition)
    {
        Activities.Add(definition);
        return this;
    }

    /// <summary>Adds every [Activity] method of <typeparamref name="T"/> (instance methods bound to <paramref name="instance"/>).</summary>
    public TemporalWorkerOptions AddAllActivities<T>(T? instance) => AddAllActivities(typeof(T), instance);

    public TemporalWorkerOptions AddAllActivities(Type type, object? instance)
    {
        foreach (var definition in ActivityDefinition.CreateAll(type, instance))
        {
            Activities.Add(definition);
        }

        return this;
    }

    public TemporalWorkerOptions AddWorkflow<T>() => AddWorkflow(typeof(T));

    public TemporalWorkerOptions AddWorkflow(Type type)
    {
        Workflows.Add(WorkflowDefinition.Create(type));
        return this;
    }

    public TemporalWorkerOptions AddWorkflow(WorkflowDefinition definition)
    {
        Workflows.Add(definition);
        return this;
    }

    /// <summary>A shallow copy with its own lists of activities and workflows.</summary>
    public virtual object Clone()
    {
        var copy = (TemporalWorkerOptions)MemberwiseClone();
        copy.activities = [.. activities];
        copy.workflows = [.. workflows];
        return copy;
    }
}
