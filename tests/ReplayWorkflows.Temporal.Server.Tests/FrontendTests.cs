using Google.Protobuf;
using Microsoft.Extensions.Logging;
using ReplayWorkflows.Temporal.Api;
using ReplayWorkflows.Temporal.Api.Grpc;
using Temporalio.Api.Common.V1;
using Temporalio.Api.ErrorDetails.V1;
using Temporalio.Api.TaskQueue.V1;
using Temporalio.Api.WorkflowService.V1;

namespace ReplayWorkflows.Temporal.Server.Tests;

/// <summary>The frontend over the wire: what a Temporal client sees for good and bad requests.</summary>
public sealed class FrontendTests : IAsyncLifetime
{
    private DevServer? server;
    private GrpcClientConnection? client;

    public async Task InitializeAsync()
    {
        var options = new DevServerOptions { Port = 0, MaxPayloadBytes = 1024, LogLevel = LogLevel.None };
        options.Namespaces.Add("extra");
        server = await DevServer.StartAsync(options);
        client = new GrpcClientConnection(server.Address);
    }

    public async Task DisposeAsync()
    {
        client?.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    private Task<TResponse> Call<TRequest, TResponse>(string method, TRequest request, MessageParser<TResponse> parser)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse> =>
        client!.UnaryAsync(TemporalServices.WorkflowServicePrefix + method, request, parser);

    [Fact]
    public async Task System_info_reports_the_capabilities_sdks_check()
    {
        var info = await Call("GetSystemInfo", new GetSystemInfoRequest(), GetSystemInfoResponse.Parser);
        info.Capabilities.SignalAndQueryHeader.ShouldBeTrue();
        info.Capabilities.InternalErrorDifferentiation.ShouldBeTrue();
        info.Capabilities.ActivityFailureIncludeHeartbeat.ShouldBeTrue();
        info.Capabilities.SdkMetadata.ShouldBeTrue();
    }

    [Fact]
    public async Task Default_and_start_up_namespaces_exist_and_others_are_not_found()
    {
        var list = await Call("ListNamespaces", new ListNamespacesRequest(), ListNamespacesResponse.Parser);
        list.Namespaces.Select(n => n.NamespaceInfo.Name).ShouldBe(["default", "extra"], ignoreOrder: true);
        var error = await Should.ThrowAsync<GrpcException>(() =>
            Call("DescribeNamespace", new DescribeNamespaceRequest { Namespace = "missing" }, DescribeNamespaceResponse.Parser));
        error.StatusCode.ShouldBe(GrpcStatusCode.NotFound);
        error.GetDetail<NamespaceNotFoundFailure>().ShouldNotBeNull();
    }

    [Fact]
    public async Task Oversized_input_and_missing_ids_are_invalid_argument()
    {
        var start = new StartWorkflowExecutionRequest
        {
            Namespace = "default",
            WorkflowId = "big",
            WorkflowType = new WorkflowType { Name = "W" },
            TaskQueue = new TaskQueue { Name = "q" },
            RequestId = Guid.NewGuid().ToString(),
            Input = new Payloads { Payloads_ = { new Payload { Data = ByteString.CopyFrom(new byte[4096]) } } },
        };
        (await Should.ThrowAsync<GrpcException>(() => Call("StartWorkflowExecution", start, StartWorkflowExecutionResponse.Parser)))
            .StatusCode.ShouldBe(GrpcStatusCode.InvalidArgument);
        start.Input = null;
        start.WorkflowId = "";
        (await Should.ThrowAsync<GrpcException>(() => Call("StartWorkflowExecution", start, StartWorkflowExecutionResponse.Parser)))
            .StatusCode.ShouldBe(GrpcStatusCode.InvalidArgument);
    }

    [Fact]
    public async Task A_start_with_an_unregistered_or_system_search_attribute_is_invalid_and_a_registered_one_starts()
    {
        StartWorkflowExecutionRequest Start(string attribute) => new()
        {
            Namespace = "default",
            WorkflowId = $"sa-{attribute}",
            WorkflowType = new WorkflowType { Name = "W" },
            TaskQueue = new TaskQueue { Name = "q" },
            RequestId = Guid.NewGuid().ToString(),
            SearchAttributes = new SearchAttributes { IndexedFields = { [attribute] = new Payload { Data = ByteString.CopyFromUtf8("\"x\"") } } },
        };

        var unknown = await Should.ThrowAsync<GrpcException>(() => Call("StartWorkflowExecution", Start("CustomerId"), StartWorkflowExecutionResponse.Parser));
        unknown.StatusCode.ShouldBe(GrpcStatusCode.InvalidArgument);
        unknown.Message.ShouldContain("search attribute CustomerId is not defined");
        var system = await Should.ThrowAsync<GrpcException>(() => Call("StartWorkflowExecution", Start("WorkflowType"), StartWorkflowExecutionResponse.Parser));
        system.StatusCode.ShouldBe(GrpcStatusCode.InvalidArgument);

        await client!.UnaryAsync(
            TemporalServices.OperatorServicePrefix + "AddSearchAttributes",
            new Temporalio.Api.OperatorService.V1.AddSearchAttributesRequest { Namespace = "default", SearchAttributes = { ["CustomerId"] = Temporalio.Api.Enums.V1.IndexedValueType.Keyword } },
            Temporalio.Api.OperatorService.V1.AddSearchAttributesResponse.Parser);
        var started = await Call("StartWorkflowExecution", Start("CustomerId"), StartWorkflowExecutionResponse.Parser);
        started.RunId.ShouldNotBeNullOrEmpty();
        (await Call("StartWorkflowExecution", Start("TemporalChangeVersion"), StartWorkflowExecutionResponse.Parser)).RunId.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Upserting_an_unregistered_search_attribute_fails_the_workflow_task_with_bad_search_attributes()
    {
        var queue = new TaskQueue { Name = "upsert-" + Guid.NewGuid().ToString("N") };
        var started = await Call("StartWorkflowExecution", new StartWorkflowExecutionRequest
        {
            Namespace = "default", WorkflowId = "upsert-" + queue.Name, WorkflowType = new WorkflowType { Name = "W" }, TaskQueue = queue, RequestId = Guid.NewGuid().ToString(),
        }, StartWorkflowExecutionResponse.Parser);
        var task = await Call("PollWorkflowTaskQueue", new PollWorkflowTaskQueueRequest { Namespace = "default", TaskQueue = queue, Identity = "t" }, PollWorkflowTaskQueueResponse.Parser);
        var upsert = new Temporalio.Api.Command.V1.Command
        {
            CommandType = Temporalio.Api.Enums.V1.CommandType.UpsertWorkflowSearchAttributes,
            UpsertWorkflowSearchAttributesCommandAttributes = new()
            {
                SearchAttributes = new SearchAttributes { IndexedFields = { ["NotRegistered"] = new Payload { Data = ByteString.CopyFromUtf8("\"x\"") } } },
            },
        };
        await Should.ThrowAsync<GrpcException>(() => Call(
            "RespondWorkflowTaskCompleted", new RespondWorkflowTaskCompletedRequest { Namespace = "default", TaskToken = task.TaskToken, Identity = "t", Commands = { upsert } },
            RespondWorkflowTaskCompletedResponse.Parser));

        var history = await Call("GetWorkflowExecutionHistory", new GetWorkflowExecutionHistoryRequest
        {
            Namespace = "default", Execution = new WorkflowExecution { WorkflowId = "upsert-" + queue.Name, RunId = started.RunId },
        }, GetWorkflowExecutionHistoryResponse.Parser);
        var failed = history.History.Events.Single(e => e.EventType == Temporalio.Api.Enums.V1.EventType.WorkflowTaskFailed).WorkflowTaskFailedEventAttributes;
        failed.Cause.ShouldBe(Temporalio.Api.Enums.V1.WorkflowTaskFailedCause.BadSearchAttributes);
        failed.Failure.Message.ShouldContain("search attribute NotRegistered is not defined");
        history.History.Events.ShouldNotContain(e => e.EventType == Temporalio.Api.Enums.V1.EventType.UpsertWorkflowSearchAttributes);
    }

    [Fact]
    public async Task Unknown_task_tokens_and_unknown_workflows_get_temporal_statuses()
    {
        var bad = new RespondActivityTaskCompletedRequest { Namespace = "default", TaskToken = ByteString.CopyFromUtf8("{}") };
        (await Should.ThrowAsync<GrpcException>(() => Call("RespondActivityTaskCompleted", bad, RespondActivityTaskCompletedResponse.Parser)))
            .StatusCode.ShouldBe(GrpcStatusCode.InvalidArgument);
        var describe = new DescribeWorkflowExecutionRequest { Namespace = "default", Execution = new WorkflowExecution { WorkflowId = "nope" } };
        (await Should.ThrowAsync<GrpcException>(() => Call("DescribeWorkflowExecution", describe, DescribeWorkflowExecutionResponse.Parser)))
            .StatusCode.ShouldBe(GrpcStatusCode.NotFound);
    }

    [Fact]
    public async Task An_empty_task_queue_poll_returns_an_empty_response_within_the_callers_deadline()
    {
        // The connection is opened first: on a loaded machine, opening it can eat into the poll's one second of
        // tail room, which is the server's margin for the network, not for the client's set-up.
        await Call("GetSystemInfo", new GetSystemInfoRequest(), GetSystemInfoResponse.Parser);
        var poll = new PollWorkflowTaskQueueRequest { Namespace = "default", TaskQueue = new TaskQueue { Name = "idle" }, Identity = "t" };
        var options = new GrpcCallOptions { Timeout = TimeSpan.FromSeconds(3) };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var response = await client!.UnaryAsync(TemporalServices.WorkflowServicePrefix + "PollWorkflowTaskQueue", poll, PollWorkflowTaskQueueResponse.Parser, options);
        response.TaskToken.IsEmpty.ShouldBeTrue();
        clock.Elapsed.ShouldBeGreaterThan(TimeSpan.FromSeconds(1.5), "the poll should wait until about a second before the deadline");
    }
}
