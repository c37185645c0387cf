using Temporalio.Exceptions;
using Temporalio.Workflows;

namespace ReplayWorkflows.Temporal.Sdk.Tests;

/// <summary>Fails every attempt before <c>succeedOn</c> (non-retryably when asked); then returns the attempt it reached.</summary>
[Workflow]
public class RetryingWorkflow
{
    [WorkflowRun]
    public Task<int> RunAsync(int succeedOn, bool nonRetryable)
    {
        var attempt = Workflow.Info.Attempt;
        if (attempt < succeedOn)
        {
            throw new ApplicationFailureException($"attempt {attempt} fails", errorType: "Flaky", nonRetryable: nonRetryable);
        }

        return Task.FromResult(attempt);
    }
}

/// <summary>Declares InvalidOperationException a workflow failure on its attribute, as the official SDK allows.</summary>
[Workflow(FailureExceptionTypes = new[] { typeof(InvalidOperationException) })]
public class DeclaredFailureWorkflow
{
    [WorkflowRun]
    public Task<string> RunAsync() => throw new InvalidOperationException("the input is not usable");
}
