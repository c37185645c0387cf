using System.Linq.Expressions;
using Temporalio.Api.Common.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.Failure.V1;
using Temporalio.Api.History.V1;
using Temporalio.Api.Query.V1;
using Temporalio.Api.WorkflowService.V1;
using Temporalio.Common;
using Temporalio.Converters;
using Temporalio.Exceptions;
using Temporalio.Workflows;

namespace Temporalio.Client;

/// <summary>
/// A handle to a workflow: its id, the run it was created for (RunId, null meaning the latest), and the run whose
/// result <see cref="GetResultAsync(bool, RpcOptions?)"/> starts from.
/// </summary>
public record WorkflowHandle(ITemporalClient Client, string Id, string? RunId = null, string? ResultRunId = null, string? FirstExecutionRunId = null)
{
    private TemporalClient Concrete => Client as TemporalClient
        ?? throw new InvalidOperationException("workflow handles need a TemporalClient");

    private string Namespace => Client.Options.Namespace;

    private DataConverter Converter => Client.Options.DataConverter;

    private Api.Common.V1.WorkflowExecution Execution => new() { WorkflowId = Id, RunId = RunId ?? string.Empty };

    /// <summary>Waits for the workflow to close; throws <see cref="WorkflowFailedException"/> unless it completed.</summary>
    public Task GetResultAsync(bool followRuns = true, RpcOptions? rpcOptions = null) =>
        GetResultAsync<ValueTuple>(followRuns, rpcOptions);

    /// <summary>
    /// Waits for the workflow to close and returns its result, following continue-as-new, retries and cron runs by
    /// default. It starts from <see cref="ResultRunId"/> (the run a start returned), else the latest run of the id.
    /// </summary>
    public virtual async Task<TResult> GetResultAsync<TResult>(bool followRuns = true, RpcOptions? rpcOptions = null)
    {
        var runId = ResultRunId ?? string.Empty;
        while (true)
        {
            var close = await WaitCloseEventAsync(runId, rpcOptions).ConfigureAwait(false);
            switch (close.EventType)
            {
                case EventType.WorkflowExecutionCompleted:
                    var completed = close.WorkflowExecutionCompletedEventAttributes;
                    if (followRuns && completed.NewExecutionRunId.Length > 0)
                    {
                        runId = completed.NewExecutionRunId;
                        continue;
                    }

                    // The untyped wait does not decode: the result may be of a type this process does not know.
                    return typeof(TResult) == typeof(ValueTuple) ? default! : await Converter.ToResultValueAsync<TResult>(completed.Result).ConfigureAwait(false);
                case EventType.WorkflowExecutionContinuedAsNew:
                    var next = close.WorkflowExecutionContinuedAsNewEventAttributes.NewExecutionRunId;
                    if (!followRuns)
                    {
                        throw new WorkflowContinuedAsNewException(next);
                    }

                    runId = next;
                    continue;
                case EventType.WorkflowExecutionFailed:
                    var failed = close.WorkflowExecutionFailedEventAttributes;
                    if (followRuns && failed.NewExecutionRunId.Length > 0)
                    {
                        runId = failed.NewExecutionRunId;
                        continue;
                    }

                    throw new WorkflowFailedException(await Converter.ToExceptionAsync(failed.Failure).ConfigureAwait(false));
                case EventType.WorkflowExecutionCanceled:
                    var canceled = new Failure { Message = "Workflow canceled", CanceledFailureInfo = new CanceledFailureInfo { Details = close.WorkflowExecutionCanceledEventAttributes.Details } };
                    throw new WorkflowFailedException(await Converter.ToExceptionAsync(canceled).ConfigureAwait(false));
                case EventType.WorkflowExecutionTerminated:
                    var terminatedAttributes = close.WorkflowExecutionTerminatedEventAttributes;
                    var terminated = new Failure
                    {
                        Message = terminatedAttributes.Reason.Length > 0 ? terminatedAttributes.Reason : "Workflow terminated",
                        TerminatedFailureInfo = new TerminatedFailureInfo(),
                    };
                    IReadOnlyCollection<Payload>? details = terminatedAttributes.Details?.Payloads_;
                    if (details is { Count: > 0 } && Converter.PayloadCodec is { } codec)
                    {
                        details = await codec.DecodeAsync(details).ConfigureAwait(false);
                    }

                    throw new WorkflowFailedException(new TerminatedFailureException(terminated, null, new InboundFailureDetails(Converter.PayloadConverter, details)));
                case EventType.WorkflowExecutionTimedOut:
                    var timedOut = close.WorkflowExecutionTimedOutEventAttributes;
                    if (followRuns && timedOut.NewExecutionRunId.Length > 0)
                    {
                        runId = timedOut.NewExecutionRunId;
                        continue;
                    }

                    var timeout = new Failure { Message = "Workflow timed out", TimeoutFailureInfo = new TimeoutFailureInfo { TimeoutType = TimeoutType.StartToClose } };
                    throw new WorkflowFailedException(await Converter.ToExceptionAsync(timeout).ConfigureAwait(false));
                default:
                    throw new InvalidOperationException($"unexpected close event {close.EventType} for workflow {Id}");
            }
        }
    }

    public virtual async Task SignalAsync(string signal, IReadOnlyCollection<object?> args, WorkflowSignalOptions? options = null)
    {
        await Client.WorkflowService.SignalWorkflowExecutionAsync(new SignalWorkflowExecutionRequest
        {
            Namespace = Namespace,
            WorkflowExecution = Execution,
            SignalName = signal,
            Input = await Converter.ToPayloadsMessageAsync(args).ConfigureAwait(false),
            Identity = Concrete.Identity,
            RequestId = Guid.NewGuid().ToString(),
        }, options?.Rpc).ConfigureAwait(false);
    }

    /// <summary>Signals through a lambda on the workflow class, for an untyped handle.</summary>
    public Task SignalAsync<TWorkflow>(Expression<Func<TWorkflow, Task>> signalCall, WorkflowSignalOptions? options = null)
    {
        var (method, args) = ExpressionUtil.ExtractCall(signalCall);
        return SignalAsync(WorkflowDefinition.SignalNameOf(method), args, options);
    }

    /// <summary>Queries through a lambda on the workflow class, for an untyped handle.</summary>
    public Task<TQueryResult> QueryAsync<TWorkflow, TQueryResult>(Expression<Func<TWorkflow, TQueryResult>> queryCall, WorkflowQueryOptions? options = null)
    {
        var (member, args) = ExpressionUtil.ExtractMemberOrCall(queryCall);
        return QueryAsync<TQueryResult>(WorkflowDefinition.QueryNameOf(member), args, options);
    }

    public virtual async Task<TQueryResult> QueryAsync<TQueryResult>(string query, IReadOnlyCollection<object?> args, WorkflowQueryOptions? options = null)
    {
        QueryWorkflowResponse response;
        try
        {
            response = await Client.WorkflowService.QueryWorkflowAsync(new QueryWorkflowRequest
            {
                Namespace = Namespace,
                Execution = Execution,
                Query = new WorkflowQuery { QueryType = query, QueryArgs = await Converter.ToPayloadsMessageAsync(args).ConfigureAwait(false) },
                QueryRejectCondition = options?.RejectCondition ?? Client.Options.QueryRejectCondition ?? QueryRejectCondition.None,
            }, options?.Rpc).ConfigureAwait(false);
        }
        catch (RpcException ex) when (ex.Code == RpcException.StatusCode.InvalidArgument && ex.GrpcStatus.Value is not { Details.Count: > 0 } && ex.Message.Length > 0)
        {
            // The server reports a failed query handler as InvalidArgument with the handler's message.
            throw new WorkflowQueryFailedException(ex.Message);
        }

        if (response.QueryRejected is { } rejected)
        {
            throw new WorkflowQueryRejectedException(rejected.Status);
        }

        return await Converter.ToResultValueAsync<TQueryResult>(response.QueryResult).ConfigureAwait(false);
    }

    public virtual async Task CancelAsync(WorkflowCancelOptions? options = null) =>
        await Client.WorkflowService.RequestCancelWorkflowExecutionAsync(new RequestCancelWorkflowExecutionRequest
        {
            Namespace = Namespace,
            WorkflowExecution = Execution,
            Identity = Concrete.Identity,
            RequestId = Guid.NewGuid().ToString(),
            FirstExecutionRunId = FirstExecutionRunId ?? string.Empty,
        }, options?.Rpc).ConfigureAwait(false);

    public virtual async Task TerminateAsync(string? reason = null, WorkflowTerminateOptions? options = null)
    {
        var request = new TerminateWorkflowExecutionRequest
        {
            Namespace = Namespace,
            WorkflowExecution = Execution,
            Reason = reason ?? string.Empty,
            Identity = Concrete.Identity,
            FirstExecutionRunId = FirstExecutionRunId ?? string.Empty,
        };
        if (options?.Details is { Count: > 0 } details)
        {
            request.Details = await Converter.ToPayloadsMessageAsync(details).ConfigureAwait(false);
        }

        await Client.WorkflowService.TerminateWorkflowExecutionAsync(request, options?.Rpc).ConfigureAwait(false);
    }

    public virtual async Task<WorkflowExecutionDescription> DescribeAsync(WorkflowDescribeOptions? options = null)
    {
        var response = await Client.WorkflowService.DescribeWorkflowExecutionAsync(
            new DescribeWorkflowExecutionRequest { Namespace = Namespace, Execution = Execution }, options?.Rpc).ConfigureAwait(false);
        return new WorkflowExecutionDescription(response, Converter);
    }

    public virtual async Task<WorkflowHistory> FetchHistoryAsync(WorkflowHistoryEventFetchOptions? options = null)
    {
        var events = new List<HistoryEvent>();
        var token = Google.Protobuf.ByteString.Empty;
        do
        {
            var page = await Client.WorkflowService.GetWorkflowExecutionHistoryAsync(new GetWorkflowExecutionHistoryRequest
            {
                Namespace = Namespace,
                Execution = Execution,
                NextPageToken = token,
                WaitNewEvent = options?.WaitNewEvent ?? false,
                HistoryEventFilterType = options?.EventFilterType ?? HistoryEventFilterType.AllEvent,
                SkipArchival = options?.SkipArchival ?? false,
            }, options?.Rpc).ConfigureAwait(false);
            events.AddRange(page.History?.Events ?? []);
            token = page.NextPageToken;
        }
        while (!token.IsEmpty);
        return new WorkflowHistory(Id, events);
    }

    private async Task<HistoryEvent> WaitCloseEventAsync(string runId, RpcOptions? rpcOptions)
    {
        var token = Google.Protobuf.ByteString.Empty;
        while (true)
        {
            // Long poll: the server answers when the close event exists or its poll interval passes (empty page, new token).
            var page = await Client.WorkflowService.GetWorkflowExecutionHistoryAsync(new GetWorkflowExecutionHistoryRequest
            {
                Namespace = Namespace,
                Execution = new Api.Common.V1.WorkflowExecution { WorkflowId = Id, RunId = runId },
                NextPageToken = token,
                WaitNewEvent = true,
                HistoryEventFilterType = HistoryEventFilterType.CloseEvent,
                SkipArchival = true,
            }, rpcOptions).ConfigureAwait(false);
            if (page.History is { Events.Count: > 0 } history)
            {
                return history.Events[^1];
            }

            token = page.NextPageToken;
        }
    }
}

/// <summary>A handle typed by its workflow class, for signal and query lambdas.</summary>
public record WorkflowHandle<TWorkflow>(ITemporalClient Client, string Id, string? RunId = null, string? ResultRunId = null, string? FirstExecutionRunId = null)
    : WorkflowHandle(Client, Id, RunId, ResultRunId, FirstExecutionRunId)
{
    public Task SignalAsync(Expression<Func<TWorkflow, Task>> signalCall, WorkflowSignalOptions? options = null) =>
        SignalAsync<TWorkflow>(signalCall, options);

    public Task<TQueryResult> QueryAsync<TQueryResult>(Expression<Func<TWorkflow, TQueryResult>> queryCall, WorkflowQueryOptions? options = null) =>
        QueryAsync<TWorkflow, TQueryResult>(queryCall, options);
}

/// <summary>A handle typed by its workflow class and result.</summary>
public record WorkflowHandle<TWorkflow, TResult>(ITemporalClient Client, string Id, string? RunId = null, string? ResultRunId = null, string? FirstExecutionRunId = null)
    : WorkflowHandle<TWorkflow>(Client, Id, RunId, ResultRunId, FirstExecutionRunId)
{
    public new Task<TResult> GetResultAsync(bool followRuns = true, RpcOptions? rpcOptions = null) => GetResultAsync<TResult>(followRuns, rpcOptions);
}
