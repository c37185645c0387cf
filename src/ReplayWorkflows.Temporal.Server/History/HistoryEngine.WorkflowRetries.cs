using Temporalio.Api.Common.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.Failure.V1;
using Temporalio.Api.History.V1;

namespace ReplayWorkflows.Temporal.Server.History;

internal sealed partial class HistoryEngine
{
    /// <summary>
    /// Decides whether a run that failed (or hit its run timeout) is retried under the retry policy it was started
    /// with. Temporal retries failures and run timeouts; the execution timeout bounds every attempt.
    /// </summary>
    private RetryDecision DecideWorkflowRetry(MutableState run, Failure? failure, TimeoutType timeout)
    {
        if (run.Started.RetryPolicy is not { } policy)
        {
            return new RetryDecision(RetryState.RetryPolicyNotSet, TimeSpan.Zero);
        }

        return RetryPolicies.Decide(RetryPolicies.WithDefaults(policy), run.Started.Attempt, failure, timeout, Now, run.ExecutionExpiration);
    }

    /// <summary>
    /// Starts the next attempt of a failed run under the same workflow id: same input, policy, memo and search
    /// attributes, the failure as ContinuedFailure, its first workflow task after the backoff.
    /// </summary>
    private void StartRetryRun(MutableState failed, string newRunId, Failure? failure, TimeSpan backoff)
    {
        var previous = failed.Started;
        var attributes = new WorkflowExecutionStartedEventAttributes
        {
            WorkflowId = failed.Key.WorkflowId,
            WorkflowType = previous.WorkflowType,
            TaskQueue = previous.TaskQueue,
            Input = previous.Input,
            WorkflowExecutionTimeout = previous.WorkflowExecutionTimeout,
            WorkflowRunTimeout = previous.WorkflowRunTimeout,
            WorkflowTaskTimeout = previous.WorkflowTaskTimeout,
            ContinuedExecutionRunId = failed.Key.RunId,
            Initiator = ContinueAsNewInitiator.Retry,
            ContinuedFailure = failure,
            FirstExecutionRunId = previous.FirstExecutionRunId,
            WorkflowExecutionExpirationTime = previous.WorkflowExecutionExpirationTime,
            ParentWorkflowNamespace = previous.ParentWorkflowNamespace,
            ParentWorkflowExecution = previous.ParentWorkflowExecution,
            ParentInitiatedEventId = previous.ParentInitiatedEventId,
            RetryPolicy = previous.RetryPolicy,
            Attempt = previous.Attempt + 1,
            Memo = failed.Memo.Fields.Count > 0 ? failed.Memo.Clone() : null,
            SearchAttributes = failed.SearchAttributes.IndexedFields.Count > 0 ? failed.SearchAttributes.Clone() : null,
            Header = previous.Header,
            Identity = previous.Identity,
        };
        CreateRunWithId(failed.Key.Namespace, newRunId, attributes, backoff);
    }

    /// <summary>Closes a run as failed, starting its next attempt when its retry policy allows one.</summary>
    private void FailRun(MutableState run, Failure? failure, long completedId)
    {
        var decision = DecideWorkflowRetry(run, failure, TimeoutType.Unspecified);
        var newRunId = decision.Retry ? Guid.NewGuid().ToString() : string.Empty;
        var e = NewEvent(EventType.WorkflowExecutionFailed);
        e.WorkflowExecutionFailedEventAttributes = new WorkflowExecutionFailedEventAttributes
        {
            Failure = failure,
            RetryState = decision.State,
            WorkflowTaskCompletedEventId = completedId,
            NewExecutionRunId = newRunId,
        };
        Append(run, e);
        if (decision.Retry)
        {
            StartRetryRun(run, newRunId, failure, decision.Backoff);
        }

        OnClosed(run, retried: decision.Retry);
    }

    /// <summary>Times a run out; a run timeout (not the execution's) is retried when the policy allows.</summary>
    private void TimeOutRun(MutableState run)
    {
        var executionExpired = run.ExecutionExpiration is { } expiration && expiration <= Now;
        var decision = executionExpired
            ? new RetryDecision(RetryState.Timeout, TimeSpan.Zero)
            : DecideWorkflowRetry(run, null, TimeoutType.StartToClose);
        var newRunId = decision.Retry ? Guid.NewGuid().ToString() : string.Empty;
        var e = NewEvent(EventType.WorkflowExecutionTimedOut);
        e.WorkflowExecutionTimedOutEventAttributes = new WorkflowExecutionTimedOutEventAttributes
        {
            RetryState = decision.State,
            NewExecutionRunId = newRunId,
        };
        Append(run, e);
        if (decision.Retry)
        {
            var failure = new Failure
            {
                Message = "workflow run timed out",
                TimeoutFailureInfo = new TimeoutFailureInfo { TimeoutType = TimeoutType.StartToClose },
            };
            StartRetryRun(run, newRunId, failure, decision.Backoff);
        }

        OnClosed(run, retried: decision.Retry);
    }
}
