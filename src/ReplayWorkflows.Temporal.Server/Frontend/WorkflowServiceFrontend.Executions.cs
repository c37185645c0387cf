using ReplayWorkflows.Temporal.Api.Grpc;
using ReplayWorkflows.Temporal.Server.History;
using ReplayWorkflows.Temporal.Server.Visibility;
using Temporalio.Api.Common.V1;
using Temporalio.Api.TaskQueue.V1;
using Temporalio.Api.WorkflowService.V1;

namespace ReplayWorkflows.Temporal.Server.Frontend;

internal sealed partial class WorkflowServiceFrontend
{
    private const int MaxIdLength = 1000;

    private void AddExecutionHandlers(GrpcServiceDefinition d)
    {
        Unary<StartWorkflowExecutionRequest, StartWorkflowExecutionResponse>(d, "StartWorkflowExecution", (r, _) => Start(r));
        Unary<SignalWithStartWorkflowExecutionRequest, SignalWithStartWorkflowExecutionResponse>(d, "SignalWithStartWorkflowExecution", (r, _) => SignalWithStart(r));
        Unary<SignalWorkflowExecutionRequest, SignalWorkflowExecutionResponse>(d, "SignalWorkflowExecution", (r, _) =>
        {
            namespaces.Get(r.Namespace);
            CheckPayloadSize(r.Input, "Signal input");
            history.Signal(r);
            return new SignalWorkflowExecutionResponse();
        });
        Unary<RequestCancelWorkflowExecutionRequest, RequestCancelWorkflowExecutionResponse>(d, "RequestCancelWorkflowExecution", (r, _) =>
        {
            namespaces.Get(r.Namespace);
            history.RequestCancel(r);
            return new RequestCancelWorkflowExecutionResponse();
        });
        Unary<TerminateWorkflowExecutionRequest, TerminateWorkflowExecutionResponse>(d, "TerminateWorkflowExecution", (r, _) =>
        {
            namespaces.Get(r.Namespace);
            history.Terminate(r);
            return new TerminateWorkflowExecutionResponse();
        });
        Unary<DescribeWorkflowExecutionRequest, DescribeWorkflowExecutionResponse>(d, "DescribeWorkflowExecution", (r, _) =>
        {
            namespaces.Get(r.Namespace);
            return history.Describe(r);
        });
        d.AddUnary<GetWorkflowExecutionHistoryRequest, GetWorkflowExecutionHistoryResponse>("GetWorkflowExecutionHistory", (r, context) =>
        {
            namespaces.Get(r.Namespace);
            return history.GetHistoryAsync(r, context.Deadline, context.CancellationToken);
        });
        d.AddUnary<QueryWorkflowRequest, QueryWorkflowResponse>("QueryWorkflow", (r, context) =>
        {
            namespaces.Get(r.Namespace);
            if (string.IsNullOrEmpty(r.Query?.QueryType))
            {
                throw new GrpcException(GrpcStatusCode.InvalidArgument, "QueryType is not set on request.");
            }

            return history.QueryAsync(r, context.CancellationToken);
        });
        Unary<ResetStickyTaskQueueRequest, ResetStickyTaskQueueResponse>(d, "ResetStickyTaskQueue", (r, _) =>
        {
            namespaces.Get(r.Namespace);
            history.ResetStickyForRun(r.Namespace, r.Execution?.WorkflowId ?? string.Empty, r.Execution?.RunId);
            return new ResetStickyTaskQueueResponse();
        });
        Unary<ListWorkflowExecutionsRequest, ListWorkflowExecutionsResponse>(d, "ListWorkflowExecutions", (r, _) =>
        {
            namespaces.Get(r.Namespace);
            return VisibilityService.List(history, namespaces.Get(r.Namespace), r.Query, r.PageSize, r.NextPageToken);
        });
        Unary<CountWorkflowExecutionsRequest, CountWorkflowExecutionsResponse>(d, "CountWorkflowExecutions", (r, _) =>
            VisibilityService.Count(history, namespaces.Get(r.Namespace), r.Query));
    }

    private void ValidateStart(
        string ns, string workflowId, WorkflowType? type, TaskQueue? taskQueue, string requestId, string cron, RetryPolicy? retry, Payloads? input, SearchAttributes? searchAttributes)
    {
        var record = namespaces.Get(ns);
        foreach (var key in searchAttributes?.IndexedFields.Keys ?? Enumerable.Empty<string>())
        {
            if (SearchAttributeCatalog.ProblemSetting(record, key) is { } problem)
            {
                throw new GrpcException(GrpcStatusCode.InvalidArgument, problem);
            }
        }

        if (string.IsNullOrEmpty(workflowId))
        {
            throw new GrpcException(GrpcStatusCode.InvalidArgument, "WorkflowId is not set on request.");
        }

        if (workflowId.Length > MaxIdLength)
        {
            throw new GrpcException(GrpcStatusCode.InvalidArgument, "WorkflowId exceeds length limit.");
        }

        if (string.IsNullOrEmpty(type?.Name))
        {
            throw new GrpcException(GrpcStatusCode.InvalidArgument, "WorkflowType is not set on request.");
        }

        if (string.IsNullOrEmpty(taskQueue?.Name))
        {
            throw new GrpcException(GrpcStatusCode.InvalidArgument, "TaskQueue is not set on request.");
        }

        if (requestId.Length > MaxIdLength)
        {
            throw new GrpcException(GrpcStatusCode.InvalidArgument, "RequestId exceeds length limit.");
        }

        if (CommandValidator.CronProblem(cron) is { } cronProblem)
        {
            throw new GrpcException(GrpcStatusCode.InvalidArgument, cronProblem);
        }

        if (RetryPolicies.Problem(retry) is { } retryProblem)
        {
            throw new GrpcException(GrpcStatusCode.InvalidArgument, retryProblem);
        }

        CheckPayloadSize(input, "Workflow input");
    }

    private StartWorkflowExecutionResponse Start(StartWorkflowExecutionRequest r)
    {
        ValidateStart(r.Namespace, r.WorkflowId, r.WorkflowType, r.TaskQueue, r.RequestId, r.CronSchedule, r.RetryPolicy, r.Input, r.SearchAttributes);
        var outcome = history.StartWorkflow(r);
        return new StartWorkflowExecutionResponse { RunId = outcome.RunId, Started = outcome.Started, Status = outcome.Status };
    }

    private SignalWithStartWorkflowExecutionResponse SignalWithStart(SignalWithStartWorkflowExecutionRequest r)
    {
        ValidateStart(r.Namespace, r.WorkflowId, r.WorkflowType, r.TaskQueue, r.RequestId, r.CronSchedule, r.RetryPolicy, r.Input, r.SearchAttributes);
        if (string.IsNullOrEmpty(r.SignalName))
        {
            throw new GrpcException(GrpcStatusCode.InvalidArgument, "SignalName is not set on request.");
        }

        CheckPayloadSize(r.SignalInput, "Signal input");
        var outcome = history.SignalWithStart(r);
        return new SignalWithStartWorkflowExecutionResponse { RunId = outcome.RunId, Started = outcome.Started };
    }
}
