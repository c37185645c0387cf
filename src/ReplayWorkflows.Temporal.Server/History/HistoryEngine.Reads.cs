using System.Buffers.Binary;
using System.Collections.Concurrent;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using ReplayWorkflows.Temporal.Api.Grpc;
using ReplayWorkflows.Temporal.Server.Matching;
using Temporalio.Api.Common.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.ErrorDetails.V1;
using Temporalio.Api.History.V1;
using Temporalio.Api.Query.V1;
using Temporalio.Api.TaskQueue.V1;
using Temporalio.Api.Workflow.V1;
using Temporalio.Api.WorkflowService.V1;

namespace ReplayWorkflows.Temporal.Server.History;

internal sealed partial class HistoryEngine
{
    private static readonly TimeSpan HistoryLongPoll = TimeSpan.FromSeconds(20);
    private readonly ConcurrentDictionary<string, PendingQuery> pendingQueries = new(StringComparer.Ordinal);

    public async Task<GetWorkflowExecutionHistoryResponse> GetHistoryAsync(GetWorkflowExecutionHistoryRequest request, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        var execution = request.Execution ?? new WorkflowExecution();
        var key = Read(() => GetRun(request.Namespace, execution.WorkflowId, execution.RunId).Key);
        var pageSize = request.MaximumPageSize > 0 ? request.MaximumPageSize : 1000;
        var from = request.NextPageToken.Length == 8 ? BinaryPrimitives.ReadInt64BigEndian(request.NextPageToken.Span) : 1;
        var closeOnly = request.HistoryEventFilterType == HistoryEventFilterType.CloseEvent;
        var waitUntil = Now + HistoryLongPoll;
        if (deadline is { } d && d - TimeSpan.FromSeconds(1) < waitUntil)
        {
            waitUntil = d - TimeSpan.FromSeconds(1);
        }

        while (true)
        {
            var change = request.WaitNewEvent ? WaitForChangeAsync(key, waitUntil - Now > TimeSpan.Zero ? waitUntil - Now : TimeSpan.Zero, cancellationToken) : Task.CompletedTask;
            var page = Read(() =>
            {
                var run = runs[key];
                var history = new Temporalio.Api.History.V1.History();
                var response = new GetWorkflowExecutionHistoryResponse { History = history };
                if (closeOnly)
                {
                    if (run.CloseEvent is { } close)
                    {
                        history.Events.Add(close);
                    }

                    return response;
                }

                var events = run.Events.Skip((int)from - 1).Take(pageSize).ToList();
                history.Events.AddRange(events);
                var next = from + events.Count;
                if (next <= run.Events.Count || (request.WaitNewEvent && run.IsRunning))
                {
                    response.NextPageToken = Token(next);
                }

                return response;
            });
            if (page.History.Events.Count > 0 || !request.WaitNewEvent)
            {
                return page;
            }

            try
            {
                await change.ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                page.NextPageToken = Token(from);
                return page;
            }
        }
    }

    private static ByteString Token(long next)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, next);
        return ByteString.CopyFrom(bytes);
    }

    public DescribeWorkflowExecutionResponse Describe(DescribeWorkflowExecutionRequest request) => Read(() =>
    {
        var run = GetRun(request.Namespace, request.Execution?.WorkflowId ?? string.Empty, request.Execution?.RunId);
        var response = new DescribeWorkflowExecutionResponse
        {
            ExecutionConfig = new WorkflowExecutionConfig
            {
                TaskQueue = new TaskQueue { Name = run.TaskQueue, Kind = TaskQueueKind.Normal },
                WorkflowExecutionTimeout = run.Started.WorkflowExecutionTimeout,
                WorkflowRunTimeout = run.Started.WorkflowRunTimeout,
                DefaultWorkflowTaskTimeout = run.Started.WorkflowTaskTimeout,
            },
            WorkflowExecutionInfo = ExecutionInfo(run),
        };
        foreach (var activity in run.Activities.Values.Where(a => !a.Closing).OrderBy(a => a.ScheduledEventId))
        {
            var info = new PendingActivityInfo
            {
                ActivityId = activity.Attributes.ActivityId,
                ActivityType = activity.Attributes.ActivityType,
                State = activity.CancelRequestedEventId != 0 ? PendingActivityState.CancelRequested
                    : activity.StartedTime is not null ? PendingActivityState.Started : PendingActivityState.Scheduled,
                HeartbeatDetails = activity.HeartbeatDetails,
                LastHeartbeatTime = activity.LastHeartbeatTime is { } hb ? Timestamp.FromDateTimeOffset(hb) : null,
                LastStartedTime = activity.StartedTime is { } st ? Timestamp.FromDateTimeOffset(st) : null,
                Attempt = activity.Attempt,
                MaximumAttempts = activity.Attributes.RetryPolicy?.MaximumAttempts ?? 0,
                ScheduledTime = Timestamp.FromDateTimeOffset(activity.RetryDueTime ?? activity.CurrentAttemptScheduledTime),
                LastFailure = activity.LastFailure,
                LastWorkerIdentity = activity.LastWorkerIdentity,
            };
            if (ScheduleToCloseDeadline(activity) is { } expiration)
            {
                info.ExpirationTime = Timestamp.FromDateTimeOffset(expiration);
            }

            response.PendingActivities.Add(info);
        }

        foreach (var child in run.Children.Values.OrderBy(c => c.InitiatedEventId))
        {
            response.PendingChildren.Add(new PendingChildExecutionInfo
            {
                WorkflowId = child.Attributes.WorkflowId,
                RunId = child.RunId,
                WorkflowTypeName = child.Attributes.WorkflowType?.Name ?? string.Empty,
                InitiatedId = child.InitiatedEventId,
                ParentClosePolicy = child.Attributes.ParentClosePolicy,
            });
        }

        if (run.WorkflowTask is { } task)
        {
            response.PendingWorkflowTask = new PendingWorkflowTaskInfo
            {
                State = task.IsStarted ? PendingWorkflowTaskState.Started : PendingWorkflowTaskState.Scheduled,
                ScheduledTime = Timestamp.FromDateTimeOffset(task.ScheduledTime),
                OriginalScheduledTime = Timestamp.FromDateTimeOffset(task.ScheduledTime),
                StartedTime = task.StartedTime is { } started ? Timestamp.FromDateTimeOffset(started) : null,
                Attempt = task.Attempt,
            };
        }

        return response;
    });

    /// <summary>The summary of a run that describe and list return.</summary>
    internal static WorkflowExecutionInfo ExecutionInfo(MutableState run)
    {
        var info = new WorkflowExecutionInfo
        {
            Execution = new WorkflowExecution { WorkflowId = run.Key.WorkflowId, RunId = run.Key.RunId },
            Type = run.Started.WorkflowType,
            StartTime = Timestamp.FromDateTimeOffset(run.StartTime),
            ExecutionTime = Timestamp.FromDateTimeOffset(run.StartTime + (run.Started.FirstWorkflowTaskBackoff?.ToTimeSpan() ?? TimeSpan.Zero)),
            CloseTime = run.CloseTime is { } closed ? Timestamp.FromDateTimeOffset(closed) : null,
            Status = run.Status,
            HistoryLength = run.Events.Count,
            Memo = run.Memo.Clone(),
            SearchAttributes = run.SearchAttributes.Clone(),
            TaskQueue = run.TaskQueue,
            FirstRunId = run.Started.FirstExecutionRunId,
        };
        if (run.Started.ParentWorkflowExecution is { } parent)
        {
            info.ParentExecution = parent;
            info.ParentNamespaceId = run.Started.ParentWorkflowNamespace;
        }

        if (run.CloseTime is { } close)
        {
            info.ExecutionDuration = Duration.FromTimeSpan(close - run.StartTime);
        }

        return info;
    }

    public async Task<QueryWorkflowResponse> QueryAsync(QueryWorkflowRequest request, CancellationToken cancellationToken)
    {
        var execution = request.Execution ?? new WorkflowExecution();
        var (key, queue) = Read(() =>
        {
            var run = GetRun(request.Namespace, execution.WorkflowId, execution.RunId);
            return (run.Key, run.TaskQueue);
        });
        // Like Temporal's consistent queries: let an outstanding workflow task finish first, so the query sees
        // every event (signals included) that was accepted before it.
        while (true)
        {
            var change = WaitForChangeAsync(key, TimeSpan.FromSeconds(30), cancellationToken);
            if (Read(() => runs[key] is var r && (!r.IsRunning || r.WorkflowTask is null)))
            {
                break;
            }

            try
            {
                await change.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                throw new GrpcException(GrpcStatusCode.DeadlineExceeded, "query timed out waiting for the workflow task in flight");
            }
            catch (TimeoutException)
            {
                throw new GrpcException(GrpcStatusCode.DeadlineExceeded, "query timed out waiting for the workflow task in flight");
            }
        }

        var id = Guid.NewGuid().ToString();
        var pending = new PendingQuery(request.Query);
        pendingQueries[id] = pending;
        try
        {
            matching.Add(key.Namespace, queue, QueueType.Workflow, new MatchingTask(key, 0, 0, id));
            var answer = await pending.Answer.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (answer.CompletedType == QueryResultType.Failed)
            {
                throw new GrpcException(GrpcStatusCode.InvalidArgument, answer.ErrorMessage, new QueryFailedFailure { Failure = answer.Failure });
            }

            return new QueryWorkflowResponse { QueryResult = answer.QueryResult };
        }
        catch (OperationCanceledException)
        {
            throw new GrpcException(GrpcStatusCode.DeadlineExceeded, "query timed out before a worker answered");
        }
        finally
        {
            pendingQueries.TryRemove(id, out _);
        }
    }

    public WorkflowQuery? PendingQueryFor(string queryId) => pendingQueries.TryGetValue(queryId, out var pending) ? pending.Query : null;

    public void RespondQuery(RespondQueryTaskCompletedRequest request)
    {
        var token = TaskToken.Parse(request.TaskToken);
        if (token.QueryId is null || !pendingQueries.TryGetValue(token.QueryId, out var pending))
        {
            throw new GrpcException(GrpcStatusCode.NotFound, "query task not found, or already expired");
        }

        pending.Answer.TrySetResult(request);
    }
}
