using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Google.Protobuf.WellKnownTypes;
using Temporalio.Api.Common.V1;
using Temporalio.Api.ErrorDetails.V1;
using Temporalio.Api.TaskQueue.V1;
using Temporalio.Api.WorkflowService.V1;
using Temporalio.Common;
using Temporalio.Converters;
using Temporalio.Exceptions;
using Temporalio.Workflows;

namespace Temporalio.Client;

/// <summary>A client of one Temporal namespace.</summary>
public class TemporalClient : ITemporalClient
{
    public TemporalClient(ITemporalConnection connection, TemporalClientOptions options)
    {
        Connection = connection;
        Options = options;
        Identity = connection.Options.Identity ?? DefaultIdentity;
    }

    internal static string DefaultIdentity { get; } = $"{Environment.ProcessId}@{Environment.MachineName}";

    public ITemporalConnection Connection { get; }

    public TemporalClientOptions Options { get; }

    public WorkflowService WorkflowService => Connection.WorkflowService;

    internal string Identity { get; }

    internal DataConverter DataConverter => Options.DataConverter;

    public static async Task<TemporalClient> ConnectAsync(TemporalClientConnectOptions options)
    {
        var connection = await TemporalConnection.ConnectAsync(options).ConfigureAwait(false);
        return new TemporalClient(connection, options.ToClientOptions());
    }

    public async Task<WorkflowHandle<TWorkflow, TResult>> StartWorkflowAsync<TWorkflow, TResult>(
        Expression<Func<TWorkflow, Task<TResult>>> workflowRunCall, WorkflowOptions options)
    {
        var (method, args) = ExpressionUtil.ExtractCall(workflowRunCall);
        var (runId, firstRunId) = await StartAsync(WorkflowTypeOf<TWorkflow>(method), args, options).ConfigureAwait(false);
        return new WorkflowHandle<TWorkflow, TResult>(this, options.Id!, null, runId, firstRunId);
    }

    public async Task<WorkflowHandle<TWorkflow>> StartWorkflowAsync<TWorkflow>(
        Expression<Func<TWorkflow, Task>> workflowRunCall, WorkflowOptions options)
    {
        var (method, args) = ExpressionUtil.ExtractCall(workflowRunCall);
        var (runId, firstRunId) = await StartAsync(WorkflowTypeOf<TWorkflow>(method), args, options).ConfigureAwait(false);
        return new WorkflowHandle<TWorkflow>(this, options.Id!, null, runId, firstRunId);
    }

    public async Task<WorkflowHandle> StartWorkflowAsync(string workflow, IReadOnlyCollection<object?> args, WorkflowOptions options)
    {
        var (runId, firstRunId) = await StartAsync(workflow, args, options).ConfigureAwait(false);
        return new WorkflowHandle(this, options.Id!, null, runId, firstRunId);
    }

    public WorkflowHandle GetWorkflowHandle(string id, string? runId = null, string? firstExecutionRunId = null) =>
        new(this, id, runId, null, firstExecutionRunId);

    public WorkflowHandle<TWorkflow> GetWorkflowHandle<TWorkflow>(string id, string? runId = null, string? firstExecutionRunId = null) =>
        new(this, id, runId, null, firstExecutionRunId);

    public WorkflowHandle<TWorkflow, TResult> GetWorkflowHandle<TWorkflow, TResult>(string id, string? runId = null, string? firstExecutionRunId = null) =>
        new(this, id, runId, null, firstExecutionRunId);

    public async IAsyncEnumerable<WorkflowExecution> ListWorkflowsAsync(string query, WorkflowListOptions? options = null)
    {
        var token = Google.Protobuf.ByteString.Empty;
        var yielded = 0;
        do
        {
            var page = await WorkflowService.ListWorkflowExecutionsAsync(
                new ListWorkflowExecutionsRequest { Namespace = Options.Namespace, Query = query, NextPageToken = token, PageSize = 1000 },
                options?.Rpc).ConfigureAwait(false);
            foreach (var info in page.Executions)
            {
                if (options?.Limit is { } limit && yielded >= limit)
                {
                    yield break;
                }

                yielded++;
                yield return new WorkflowExecution(info, DataConverter);
            }

            token = page.NextPageToken;
        }
        while (!token.IsEmpty);
    }

    public async Task<WorkflowExecutionCount> CountWorkflowsAsync(string query, WorkflowCountOptions? options = null)
    {
        var response = await WorkflowService.CountWorkflowExecutionsAsync(
            new CountWorkflowExecutionsRequest { Namespace = Options.Namespace, Query = query }, options?.Rpc).ConfigureAwait(false);
        var groups = new List<WorkflowExecutionCount.AggregationGroup>();
        foreach (var group in response.Groups)
        {
            var values = new List<object>();
            foreach (var payload in group.GroupValues)
            {
                values.Add(await DataConverter.ToValueAsync<object>(payload).ConfigureAwait(false));
            }

            groups.Add(new WorkflowExecutionCount.AggregationGroup(group.Count, values));
        }

        return new WorkflowExecutionCount(response.Count, groups);
    }

    private static string WorkflowTypeOf<TWorkflow>(System.Reflection.MethodInfo method)
    {
        if (!method.IsDefined(typeof(WorkflowRunAttribute), inherit: false))
        {
            throw new ArgumentException($"{method.DeclaringType?.Name}.{method.Name} is not the [WorkflowRun] method of {typeof(TWorkflow).Name}");
        }

        return WorkflowDefinition.NameOf(typeof(TWorkflow));
    }

    private async Task<(string RunId, string? FirstRunId)> StartAsync(string workflow, IReadOnlyCollection<object?> args, WorkflowOptions options)
    {
        if (string.IsNullOrEmpty(options.Id) || string.IsNullOrEmpty(options.TaskQueue))
        {
            throw new ArgumentException("WorkflowOptions.Id and WorkflowOptions.TaskQueue are required");
        }

        var input = await DataConverter.ToPayloadsMessageAsync(args).ConfigureAwait(false);
        var requestId = Guid.NewGuid().ToString();
        Memo? memo = null;
        if (options.Memo is { Count: > 0 })
        {
            memo = new Memo();
            foreach (var (key, value) in options.Memo)
            {
                memo.Fields[key] = await DataConverter.ToPayloadAsync(value).ConfigureAwait(false);
            }
        }

        var request = new StartWorkflowExecutionRequest
        {
            Namespace = Options.Namespace,
            WorkflowId = options.Id,
            WorkflowType = new WorkflowType { Name = workflow },
            TaskQueue = new TaskQueue { Name = options.TaskQueue },
            Input = input,
            Identity = Identity,
            RequestId = requestId,
            WorkflowIdReusePolicy = options.IdReusePolicy,
            WorkflowIdConflictPolicy = options.IdConflictPolicy,
            CronSchedule = options.CronSchedule ?? string.Empty,
            Memo = memo,
            SearchAttributes = options.TypedSearchAttributes?.ToProto(),
            RetryPolicy = options.RetryPolicy?.ToProto(),
            Priority = options.Priority?.ToProto(),
            WorkflowExecutionTimeout = ToDuration(options.ExecutionTimeout),
            WorkflowRunTimeout = ToDuration(options.RunTimeout),
            WorkflowTaskTimeout = ToDuration(options.TaskTimeout),
            WorkflowStartDelay = ToDuration(options.StartDelay),
        };
        try
        {
            if (options.StartSignal is null)
            {
                return await StartedRunAsync(WorkflowService.StartWorkflowExecutionAsync(request, options.Rpc)).ConfigureAwait(false);
            }

            var signalInput = await DataConverter.ToPayloadsMessageAsync(options.StartSignalArgs ?? []).ConfigureAwait(false);
            var response = await WorkflowService.SignalWithStartWorkflowExecutionAsync(ToSignalWithStart(request, options.StartSignal, signalInput), options.Rpc).ConfigureAwait(false);
            // The signal may have reached a run started earlier, so the chain's first run is not known here.
            return (response.RunId, null);
        }
        catch (RpcException ex) when (ex.Code == RpcException.StatusCode.AlreadyExists)
        {
            var detail = ex.GrpcStatus.Value?.Details.FirstOrDefault(d => d.Is(WorkflowExecutionAlreadyStartedFailure.Descriptor))?.Unpack<WorkflowExecutionAlreadyStartedFailure>();
            throw new WorkflowAlreadyStartedException(ex.Message, options.Id, workflow, detail?.RunId ?? "<unknown>");
        }
    }

    private static async Task<(string RunId, string? FirstRunId)> StartedRunAsync(Task<StartWorkflowExecutionResponse> start)
    {
        var response = await start.ConfigureAwait(false);
        return (response.RunId, response.RunId);
    }

    private static Duration? ToDuration(TimeSpan? value) => value is { } v ? Duration.FromTimeSpan(v) : null;

    // Signal-with-start carries the start request's fields under the same names, plus the signal.
    private static SignalWithStartWorkflowExecutionRequest ToSignalWithStart(StartWorkflowExecutionRequest start, string signal, Payloads signalInput) => new()
    {
        Namespace = start.Namespace,
        WorkflowId = start.WorkflowId,
        WorkflowType = start.WorkflowType,
        TaskQueue = start.TaskQueue,
        Input = start.Input,
        Identity = start.Identity,
        RequestId = start.RequestId,
        WorkflowIdReusePolicy = start.WorkflowIdReusePolicy,
        WorkflowIdConflictPolicy = start.WorkflowIdConflictPolicy,
        CronSchedule = start.CronSchedule,
        Memo = start.Memo,
        SearchAttributes = start.SearchAttributes,
        RetryPolicy = start.RetryPolicy,
        Priority = start.Priority,
        WorkflowExecutionTimeout = start.WorkflowExecutionTimeout,
        WorkflowRunTimeout = start.WorkflowRunTimeout,
        WorkflowTaskTimeout = start.WorkflowTaskTimeout,
        WorkflowStartDelay = start.WorkflowStartDelay,
        SignalName = signal,
        SignalInput = signalInput,
    };
}
