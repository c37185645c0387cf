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
    /// The started attributes of the run that follows a closed one under the same workflow id (a retry or the next
    /// cron run): same input, policies, memo, search attributes and execution deadline.
    /// </summary>
    private static WorkflowExecutionStartedEventAttributes NextRunAttributes(MutableState closed, ContinueAsNewInitiator initiator)
    {
        var previous = closed.Started;
        return new WorkflowExecutionStartedEventAttributes
        {
            WorkflowId = closed.Key.WorkflowId,
            WorkflowType = previous.WorkflowType,
            TaskQueue = previous.TaskQueue,
            Input = previous.Input,
            WorkflowExecutionTimeout = previous.WorkflowExecutionTimeout,
            WorkflowRunTimeout = previous.WorkflowRunTimeout,
            WorkflowTaskTimeout = previous.WorkflowTaskTimeout,
            ContinuedExecutionRunId = closed.Key.RunId,
            Initiator = initiator,
            FirstExecutionRunId = previous.FirstExecutionRunId,
            WorkflowExecutionExpirationTime = previous.WorkflowExecutionExpirationTime,
            ParentWorkflowNamespace = previous.ParentWorkflowNamespace,
            ParentWorkflowExecution = previous.ParentWorkflowExecution,
            ParentInitiatedEventId = previous.ParentInitiatedEventId,
            RetryPolicy = previous.RetryPolicy,
            CronSchedule = previous.CronSchedule,
            LastCompletionResult = previous.LastCompletionResult,
            Memo = closed.Memo.Fields.Count > 0 ? closed.Memo.Clone() : null,
            SearchAttributes = closed.SearchAttributes.IndexedFields.Count > 0 ? closed.SearchAttributes.Clone() : null,
            Header = previous.Header,
            Identity = previous.Identity,
            Priority = previous.Priority,
            RootWorkflowExecution = previous.RootWorkflowExecution,
        };
    }

    /// <summary>Starts the next attempt of a failed run: the failure as ContinuedFailure, its first task after the backoff.</summary>
    private void StartRetryRun(MutableState failed, string newRunId, Failure? failure, TimeSpan backoff)
    {
        var attributes = NextRunAttributes(failed, ContinueAsNewInitiator.Retry);
        attributes.Attempt = failed.Started.Attempt + 1;
        attributes.ContinuedFailure = failure;
        CreateRunWithId(failed.Key.Namespace, newRunId, attributes, backoff);
    }

    /// <summary>Closes a run as completed; a cron workflow starts its next run at the next scheduled time.</summary>
    private void CompleteRun(MutableState run, Payloads? result, long completedId)
    {
        var cron = NextCronBackoff(run);
        var newRunId = cron is null ? string.Empty : Guid.NewGuid().ToString();
        var e = NewEvent(EventType.WorkflowExecutionCompleted);
        e.WorkflowExecutionCompletedEventAttributes = new WorkflowExecutionCompletedEventAttributes
        {
            Result = result,
            WorkflowTaskCompletedEventId = completedId,
            NewExecutionRunId = newRunId,
        };
        Append(run, e);
        if (cron is { } backoff)
        {
            StartCronRun(run, newRunId, result, null, backoff);
        }

        OnClosed(run, chainContinues: cron is not null);
    }

    /// <summary>Closes a run as failed, starting its next attempt when its retry policy allows one, else its next cron run.</summary>
    private void FailRun(MutableState run, Failure? failure, long completedId)
    {
        var decision = DecideWorkflowRetry(run, failure, TimeoutType.Unspecified);
        var cron = decision.Retry ? null : NextCronBackoff(run);
        var newRunId = decision.Retry || cron is not null ? Guid.NewGuid().ToString() : string.Empty;
        var e = NewEvent(EventType.WorkflowExecutionFailed);
        e.WorkflowExecutionFailedEventAttributes = new WorkflowExecutionFailedEventAttributes
        {
            Failure = failure,
            RetryState = decision.State,
            WorkflowTaskCompletedEventId = completedId,
            NewExecutionRunId = newRunId,
        };
        Append(run, e);
        CloseIntoNextRun(run, decision, cron, newRunId, failure);
    }

    /// <summary>After a failure or run timeout: starts the retry, else the next cron run, else closes the chain.</summary>
    private void CloseIntoNextRun(MutableState run, RetryDecision decision, TimeSpan? cron, string newRunId, Failure? failure)
    {
        if (decision.Retry)
        {
            StartRetryRun(run, newRunId, failure, decision.Backoff);
        }
        else if (cron is { } backoff)
        {
            StartCronRun(run, newRunId, null, failure, backoff);
        }

        OnClosed(run, chainContinues: newRunId.Length > 0);
    }

    /// <summary>Times a run out; a run timeout (not the execution's) is retried when the policy allows.</summary>
    private void TimeOutRun(MutableState run)
    {
        var executionExpired = run.ExecutionExpiration is { } expiration && expiration <= Now;
        var decision = executionExpired
            ? new RetryDecision(RetryState.Timeout, TimeSpan.Zero)
            : DecideWorkflowRetry(run, null, TimeoutType.StartToClose);
        var cron = decision.Retry || executionExpired ? null : NextCronBackoff(run);
        var newRunId = decision.Retry || cron is not null ? Guid.NewGuid().ToString() : string.Empty;
        var e = NewEvent(EventType.WorkflowExecutionTimedOut);
        e.WorkflowExecutionTimedOutEventAttributes = new WorkflowExecutionTimedOutEventAttributes
        {
            RetryState = decision.State,
            NewExecutionRunId = newRunId,
        };
        Append(run, e);
        var failure = new Failure
        {
            Message = "workflow run timed out",
            TimeoutFailureInfo = new TimeoutFailureInfo { TimeoutType = TimeoutType.StartToClose },
        };
        CloseIntoNextRun(run, decision, cron, newRunId, failure);
    }
}
