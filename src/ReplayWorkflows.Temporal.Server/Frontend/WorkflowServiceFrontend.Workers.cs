using Google.Protobuf.WellKnownTypes;
using ReplayWorkflows.Temporal.Api.Grpc;
using ReplayWorkflows.Temporal.Server.History;
using ReplayWorkflows.Temporal.Server.Matching;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.TaskQueue.V1;
using Temporalio.Api.WorkflowService.V1;

namespace ReplayWorkflows.Temporal.Server.Frontend;

internal sealed partial class WorkflowServiceFrontend
{
    private void AddWorkerHandlers(GrpcServiceDefinition d)
    {
        d.AddUnary<PollWorkflowTaskQueueRequest, PollWorkflowTaskQueueResponse>("PollWorkflowTaskQueue", PollWorkflowTaskAsync);
        d.AddUnary<PollActivityTaskQueueRequest, PollActivityTaskQueueResponse>("PollActivityTaskQueue", PollActivityTaskAsync);
        Unary<RespondWorkflowTaskCompletedRequest, RespondWorkflowTaskCompletedResponse>(d, "RespondWorkflowTaskCompleted", (r, _) =>
            history.RespondWorkflowTaskCompleted(r));
        Unary<RespondWorkflowTaskFailedRequest, RespondWorkflowTaskFailedResponse>(d, "RespondWorkflowTaskFailed", (r, _) =>
        {
            history.RespondWorkflowTaskFailed(r);
            return new RespondWorkflowTaskFailedResponse();
        });
        Unary<RespondQueryTaskCompletedRequest, RespondQueryTaskCompletedResponse>(d, "RespondQueryTaskCompleted", (r, _) =>
        {
            history.RespondQuery(r);
            return new RespondQueryTaskCompletedResponse();
        });
        Unary<RespondActivityTaskCompletedRequest, RespondActivityTaskCompletedResponse>(d, "RespondActivityTaskCompleted", (r, _) =>
        {
            CheckPayloadSize(r.Result, "Activity result");
            history.CompleteActivity(TaskToken.Parse(r.TaskToken), r.Result, r.Identity);
            return new RespondActivityTaskCompletedResponse();
        });
        Unary<RespondActivityTaskCompletedByIdRequest, RespondActivityTaskCompletedByIdResponse>(d, "RespondActivityTaskCompletedById", (r, _) =>
        {
            history.CompleteActivity(history.ActivityTokenById(r.Namespace, r.WorkflowId, r.RunId, r.ActivityId), r.Result, r.Identity);
            return new RespondActivityTaskCompletedByIdResponse();
        });
        Unary<RespondActivityTaskFailedRequest, RespondActivityTaskFailedResponse>(d, "RespondActivityTaskFailed", (r, _) =>
        {
            history.FailActivity(TaskToken.Parse(r.TaskToken), r.Failure, r.LastHeartbeatDetails, r.Identity);
            return new RespondActivityTaskFailedResponse();
        });
        Unary<RespondActivityTaskFailedByIdRequest, RespondActivityTaskFailedByIdResponse>(d, "RespondActivityTaskFailedById", (r, _) =>
        {
            history.FailActivity(history.ActivityTokenById(r.Namespace, r.WorkflowId, r.RunId, r.ActivityId), r.Failure, r.LastHeartbeatDetails, r.Identity);
            return new RespondActivityTaskFailedByIdResponse();
        });
        Unary<RespondActivityTaskCanceledRequest, RespondActivityTaskCanceledResponse>(d, "RespondActivityTaskCanceled", (r, _) =>
        {
            history.CancelActivity(TaskToken.Parse(r.TaskToken), r.Details, r.Identity);
            return new RespondActivityTaskCanceledResponse();
        });
        Unary<RespondActivityTaskCanceledByIdRequest, RespondActivityTaskCanceledByIdResponse>(d, "RespondActivityTaskCanceledById", (r, _) =>
        {
            history.CancelActivity(history.ActivityTokenById(r.Namespace, r.WorkflowId, r.RunId, r.ActivityId), r.Details, r.Identity);
            return new RespondActivityTaskCanceledByIdResponse();
        });
        Unary<RecordActivityTaskHeartbeatRequest, RecordActivityTaskHeartbeatResponse>(d, "RecordActivityTaskHeartbeat", (r, _) =>
            new RecordActivityTaskHeartbeatResponse { CancelRequested = history.Heartbeat(TaskToken.Parse(r.TaskToken), r.Details) });
        Unary<RecordActivityTaskHeartbeatByIdRequest, RecordActivityTaskHeartbeatByIdResponse>(d, "RecordActivityTaskHeartbeatById", (r, _) =>
            new RecordActivityTaskHeartbeatByIdResponse
            {
                CancelRequested = history.Heartbeat(history.ActivityTokenById(r.Namespace, r.WorkflowId, r.RunId, r.ActivityId), r.Details),
            });
        Unary<ShutdownWorkerRequest, ShutdownWorkerResponse>(d, "ShutdownWorker", (r, _) =>
        {
            if (!string.IsNullOrEmpty(r.StickyTaskQueue))
            {
                history.ResetSticky(r.Namespace, r.StickyTaskQueue);
            }

            return new ShutdownWorkerResponse();
        });
        Unary<DescribeTaskQueueRequest, DescribeTaskQueueResponse>(d, "DescribeTaskQueue", (r, _) => DescribeTaskQueue(r));
    }

    /// <summary>How long a poll may wait: about a minute, and always inside the caller's deadline.</summary>
    private TimeSpan PollWait(GrpcCallContext context)
    {
        var wait = options.LongPollTimeout;
        if (context.Deadline is { } deadline)
        {
            var left = deadline - clock.GetUtcNow() - TimeSpan.FromSeconds(1);
            if (left < wait)
            {
                wait = left > TimeSpan.Zero ? left : TimeSpan.Zero;
            }
        }

        return wait;
    }

    private async Task<PollWorkflowTaskQueueResponse> PollWorkflowTaskAsync(PollWorkflowTaskQueueRequest request, GrpcCallContext context)
    {
        namespaces.Get(request.Namespace);
        if (string.IsNullOrEmpty(request.TaskQueue?.Name))
        {
            throw new GrpcException(GrpcStatusCode.InvalidArgument, "TaskQueue is not set on request.");
        }

        var queue = history.Matching.Get(request.Namespace, request.TaskQueue.Name, QueueType.Workflow);
        var until = clock.GetUtcNow() + PollWait(context);
        while (true)
        {
            var left = until - clock.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                return new PollWorkflowTaskQueueResponse();
            }

            MatchingTask? task;
            try
            {
                task = await queue.PollAsync(request.Identity, clock.GetUtcNow(), left, context.CancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return new PollWorkflowTaskQueueResponse();
            }

            if (task is null)
            {
                return new PollWorkflowTaskQueueResponse();
            }

            if (task.QueryId is not null)
            {
                if (history.PendingQueryFor(task.QueryId) is { } query && history.BuildQueryTask(task, query) is { } queryTask)
                {
                    return queryTask;
                }

                continue;
            }

            if (history.RecordWorkflowTaskStarted(task, request.Identity, Guid.NewGuid().ToString()) is { } response)
            {
                return response;
            }
        }
    }

    private async Task<PollActivityTaskQueueResponse> PollActivityTaskAsync(PollActivityTaskQueueRequest request, GrpcCallContext context)
    {
        namespaces.Get(request.Namespace);
        if (string.IsNullOrEmpty(request.TaskQueue?.Name))
        {
            throw new GrpcException(GrpcStatusCode.InvalidArgument, "TaskQueue is not set on request.");
        }

        var queue = history.Matching.Get(request.Namespace, request.TaskQueue.Name, QueueType.Activity);
        var until = clock.GetUtcNow() + PollWait(context);
        while (true)
        {
            var left = until - clock.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                return new PollActivityTaskQueueResponse();
            }

            MatchingTask? task;
            try
            {
                task = await queue.PollAsync(request.Identity, clock.GetUtcNow(), left, context.CancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return new PollActivityTaskQueueResponse();
            }

            if (task is null)
            {
                return new PollActivityTaskQueueResponse();
            }

            if (history.RecordActivityTaskStarted(task, request.Identity, Guid.NewGuid().ToString()) is { } response)
            {
                return response;
            }
        }
    }

    private DescribeTaskQueueResponse DescribeTaskQueue(DescribeTaskQueueRequest request)
    {
        namespaces.Get(request.Namespace);
        if (string.IsNullOrEmpty(request.TaskQueue?.Name))
        {
            throw new GrpcException(GrpcStatusCode.InvalidArgument, "TaskQueue is not set on request.");
        }

        var type = request.TaskQueueType == TaskQueueType.Activity ? QueueType.Activity : QueueType.Workflow;
        var queue = history.Matching.Get(request.Namespace, request.TaskQueue.Name, type);
        var response = new DescribeTaskQueueResponse();
        foreach (var poller in queue.Pollers(clock.GetUtcNow() - TimeSpan.FromMinutes(5)))
        {
            response.Pollers.Add(new Temporalio.Api.TaskQueue.V1.PollerInfo { Identity = poller.Identity, LastAccessTime = Timestamp.FromDateTimeOffset(poller.LastAccessTime), RatePerSecond = 100000 });
        }

        return response;
    }
}
