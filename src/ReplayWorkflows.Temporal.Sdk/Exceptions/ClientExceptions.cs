using Temporalio.Api.Enums.V1;

namespace Temporalio.Exceptions;

/// <summary>A workflow with the same id is already running (or its id may not be reused).</summary>
public class WorkflowAlreadyStartedException : FailureException
{
    public WorkflowAlreadyStartedException(string message, string workflowId, string runId)
        : this(message, workflowId, "<unknown>", runId)
    {
    }

    public WorkflowAlreadyStartedException(string message, string workflowId, string workflowType, string runId)
        : base(message)
    {
        WorkflowId = workflowId;
        WorkflowType = workflowType;
        RunId = runId;
    }

    public string WorkflowId { get; private init; }

    public string WorkflowType { get; private init; }

    public string RunId { get; private init; }
}

/// <summary>The workflow ended unsuccessfully; InnerException is the failure (application, canceled, terminated, timeout).</summary>
public class WorkflowFailedException : TemporalException
{
    public WorkflowFailedException(Exception? inner)
        : base("Workflow failed", inner)
    {
    }
}

/// <summary>The workflow continued as new and the caller asked not to follow runs.</summary>
public class WorkflowContinuedAsNewException : TemporalException
{
    public WorkflowContinuedAsNewException(string newRunId)
        : base("Workflow continued as new")
    {
        NewRunId = newRunId;
    }

    public string NewRunId { get; private init; }
}

/// <summary>A query failed in the workflow's query handler.</summary>
public class WorkflowQueryFailedException : TemporalException
{
    public WorkflowQueryFailedException(string message)
        : base(message)
    {
    }
}

/// <summary>The server rejected a query because of the workflow's status and the query reject condition.</summary>
public class WorkflowQueryRejectedException : TemporalException
{
    public WorkflowQueryRejectedException(WorkflowExecutionStatus workflowStatus)
        : base($"Query rejected, workflow status: {workflowStatus}")
    {
        WorkflowStatus = workflowStatus;
    }

    public WorkflowExecutionStatus WorkflowStatus { get; private init; }
}

/// <summary>A call timed out or was cancelled on the client side.</summary>
public class RpcTimeoutOrCanceledException : TemporalException
{
    public RpcTimeoutOrCanceledException(string message, Exception? inner)
        : base(message, inner)
    {
    }
}

/// <summary>Workflow code did something it may not do (for example an operation outside the workflow scheduler).</summary>
public class InvalidWorkflowOperationException : TemporalException
{
    internal InvalidWorkflowOperationException(string message)
        : base(message)
    {
    }

    internal InvalidWorkflowOperationException(string message, Exception? inner)
        : base(message, inner)
    {
    }
}

/// <summary>Workflow code produced commands that do not match its history.</summary>
public class WorkflowNondeterminismException : InvalidWorkflowOperationException
{
    internal WorkflowNondeterminismException(string message)
        : base(message)
    {
    }
}
