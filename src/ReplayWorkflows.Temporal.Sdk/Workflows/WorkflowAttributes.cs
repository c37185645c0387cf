namespace Temporalio.Workflows;

/// <summary>Marks a workflow class (or interface). The name defaults to the type name (an interface's leading I dropped).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Interface, Inherited = false)]
public sealed class WorkflowAttribute : Attribute
{
    public WorkflowAttribute()
    {
    }

    public WorkflowAttribute(string name) => Name = name;

    public string? Name { get; }

    /// <summary>Handles every workflow type no other registered workflow handles.</summary>
    public bool Dynamic { get; set; }

    /// <summary>
    /// Exception types that fail this workflow (not only its task), besides Temporal's failure exceptions; adds to the
    /// worker's WorkflowFailureExceptionTypes.
    /// </summary>
#pragma warning disable CA1819 // Attribute arguments are arrays, as in the official SDK.
    public Type[]? FailureExceptionTypes { get; set; }
#pragma warning restore CA1819
}

/// <summary>Marks the one method that runs the workflow.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class WorkflowRunAttribute : Attribute
{
}

/// <summary>Marks a signal handler; the name defaults to the method name without a trailing Async.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class WorkflowSignalAttribute : Attribute
{
    public WorkflowSignalAttribute()
    {
    }

    public WorkflowSignalAttribute(string name) => Name = name;

    public string? Name { get; }

    public bool Dynamic { get; set; }
}

/// <summary>Marks a query handler (a method or a property getter); queries must not change state.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, Inherited = false)]
public sealed class WorkflowQueryAttribute : Attribute
{
    public WorkflowQueryAttribute()
    {
    }

    public WorkflowQueryAttribute(string name) => Name = name;

    public string? Name { get; }

    public bool Dynamic { get; set; }
}

/// <summary>Marks the constructor that takes the run method's arguments, so state is ready before signal handlers run.</summary>
[AttributeUsage(AttributeTargets.Constructor, Inherited = false)]
public sealed class WorkflowInitAttribute : Attribute
{
}
