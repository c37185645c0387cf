using Temporalio.Api.Enums.V1;
using Temporalio.Api.Failure.V1;

namespace Temporalio.Exceptions;

/// <summary>A child workflow failed; the cause (InnerException) says how.</summary>
public class ChildWorkflowFailureException : FailureException
{
    protected internal ChildWorkflowFailureException(Failure failure, Exception? inner)
        : base(failure, inner)
    {
    }

    public new Failure Failure => base.Failure!;

    public string Namespace => Failure.ChildWorkflowExecutionFailureInfo.Namespace;

    public string WorkflowId => Failure.ChildWorkflowExecutionFailureInfo.WorkflowExecution.WorkflowId;

    public string RunId => Failure.ChildWorkflowExecutionFailureInfo.WorkflowExecution.RunId;

    public string WorkflowType => Failure.ChildWorkflowExecutionFailureInfo.WorkflowType.Name;

    public RetryState RetryState => Failure.ChildWorkflowExecutionFailureInfo.RetryState;
}
