using Google.Protobuf;
using ReplayWorkflows.Temporal.Api.Grpc;
using ReplayWorkflows.Testing;
using Temporalio.Api.Common.V1;
using Temporalio.Api.ErrorDetails.V1;
using Temporalio.Api.Query.V1;
using Temporalio.Api.WorkflowService.V1;

namespace ReplayWorkflows.Temporal.Api.Tests.Grpc;

/// <summary>Our client against our server, over real HTTP/2 on loopback.</summary>
public sealed class GrpcRoundTripTests(WorkflowServiceFixture fixture) : IClassFixture<WorkflowServiceFixture>
{
    private static readonly string Prefix = TemporalServices.WorkflowServicePrefix;

    [Fact]
    public async Task A_unary_call_returns_the_handlers_reply()
    {
        using var client = new GrpcClientConnection(fixture.Address);

        var info = await client.UnaryAsync(Prefix + "GetSystemInfo", new GetSystemInfoRequest(), GetSystemInfoResponse.Parser);

        info.ServerVersion.ShouldBe("test-1.0");
        info.Capabilities.SignalAndQueryHeader.ShouldBeTrue();
    }

    [Fact]
    public async Task Default_and_per_call_metadata_reach_the_handler()
    {
        var options = new GrpcClientOptions();
        options.DefaultHeaders.Add(new("temporal-namespace", "sports"));
        using var client = new GrpcClientConnection(fixture.Address, options);
        var call = new GrpcCallOptions { Timeout = TimeSpan.FromSeconds(30) };

        await client.UnaryAsync(Prefix + "QueryWorkflow", Query(16), QueryWorkflowResponse.Parser, call);

        fixture.LastQueryHeaders.Namespace.ShouldBe("sports");
        fixture.LastQueryHeaders.Timeout.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_gzip_compressed_request_is_decompressed_by_the_server()
    {
        using var client = new GrpcClientConnection(fixture.Address, new GrpcClientOptions { CompressRequests = true });
        var request = Query(200_000);

        var reply = await client.UnaryAsync(Prefix + "QueryWorkflow", request, QueryWorkflowResponse.Parser);

        fixture.LastQueryHeaders.Encoding.ShouldBe("gzip");
        reply.QueryResult.ShouldBe(request.Query.QueryArgs);
    }

    [Fact]
    public async Task Messages_of_several_MiB_travel_both_ways()
    {
        using var client = new GrpcClientConnection(fixture.Address);
        var request = Query(8 * 1024 * 1024);

        var reply = await client.UnaryAsync(Prefix + "QueryWorkflow", request, QueryWorkflowResponse.Parser);

        reply.QueryResult.Payloads_[0].Data.Length.ShouldBe(8 * 1024 * 1024);
        reply.QueryResult.ShouldBe(request.Query.QueryArgs);
    }

    [Fact]
    public async Task A_message_over_the_server_limit_is_resource_exhausted()
    {
        using var client = new GrpcClientConnection(fixture.Address);

        var error = await Should.ThrowAsync<GrpcException>(() =>
            client.UnaryAsync(Prefix + "QueryWorkflow", Query(WorkflowServiceFixture.MaxMessageSize + 1024), QueryWorkflowResponse.Parser));

        error.StatusCode.ShouldBe(GrpcStatusCode.ResourceExhausted);
        error.Message.ShouldContain("larger than max");
    }

    [Fact]
    public async Task A_typed_error_carries_status_message_and_details()
    {
        using var client = new GrpcClientConnection(fixture.Address);
        var request = new StartWorkflowExecutionRequest { WorkflowId = "event-42", RequestId = "req-7" };

        var error = await Should.ThrowAsync<GrpcException>(() =>
            client.UnaryAsync(Prefix + "StartWorkflowExecution", request, StartWorkflowExecutionResponse.Parser));

        error.StatusCode.ShouldBe(GrpcStatusCode.AlreadyExists);
        error.Message.ShouldBe("Workflow execution is already running. WorkflowId: event-42, RunId: run-1.");
        var detail = error.GetDetail<WorkflowExecutionAlreadyStartedFailure>();
        detail.ShouldNotBeNull();
        detail.RunId.ShouldBe("run-1");
        detail.StartRequestId.ShouldBe("req-7");
    }

    [Fact]
    public async Task A_method_without_a_handler_is_unimplemented()
    {
        using var client = new GrpcClientConnection(fixture.Address);

        var error = await Should.ThrowAsync<GrpcException>(() =>
            client.UnaryAsync(Prefix + "ListNamespaces", new ListNamespacesRequest(), ListNamespacesResponse.Parser));

        error.StatusCode.ShouldBe(GrpcStatusCode.Unimplemented);
        error.Message.ShouldContain("ListNamespaces");
    }

    [Fact]
    public async Task A_service_the_server_does_not_host_is_unimplemented()
    {
        using var client = new GrpcClientConnection(fixture.Address);

        var error = await Should.ThrowAsync<GrpcException>(() =>
            client.UnaryAsync("grpc.health.v1.Health/Check", new GetSystemInfoRequest(), GetSystemInfoResponse.Parser));

        error.StatusCode.ShouldBe(GrpcStatusCode.Unimplemented);
    }

    [Fact]
    public async Task A_deadline_ends_the_call_on_both_sides()
    {
        fixture.ResetBlockedCall();
        using var client = new GrpcClientConnection(fixture.Address);
        var call = new GrpcCallOptions { Timeout = TimeSpan.FromMilliseconds(300) };

        var error = await Should.ThrowAsync<GrpcException>(() =>
            client.UnaryAsync(Prefix + "DescribeNamespace", new DescribeNamespaceRequest { Namespace = "block" }, DescribeNamespaceResponse.Parser, call));

        error.StatusCode.ShouldBe(GrpcStatusCode.DeadlineExceeded);
        (await fixture.BlockedCallEnded.Task.WaitAsync(TimeSpan.FromSeconds(30))).ShouldBe("deadline");
    }

    [Fact]
    public async Task Cancelling_the_caller_cancels_the_handler()
    {
        fixture.ResetBlockedCall();
        using var client = new GrpcClientConnection(fixture.Address);
        using var cts = new CancellationTokenSource();

        var call = client.UnaryAsync(Prefix + "DescribeNamespace", new DescribeNamespaceRequest { Namespace = "block" },
            DescribeNamespaceResponse.Parser, cancellationToken: cts.Token);
        await fixture.BlockedCallStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cts.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => call);
        (await fixture.BlockedCallEnded.Task.WaitAsync(TimeSpan.FromSeconds(30))).ShouldBe("cancelled");
    }

    [Fact]
    public async Task An_unreachable_server_is_unavailable()
    {
        using var client = new GrpcClientConnection(new Uri("http://127.0.0.1:1"));

        var error = await Should.ThrowAsync<GrpcException>(() =>
            client.UnaryAsync(Prefix + "GetSystemInfo", new GetSystemInfoRequest(), GetSystemInfoResponse.Parser));

        error.StatusCode.ShouldBe(GrpcStatusCode.Unavailable);
        error.Message.ShouldContain("127.0.0.1:1");
    }

    [Fact]
    public async Task Many_concurrent_calls_share_one_connection()
    {
        using var client = new GrpcClientConnection(fixture.Address);

        var replies = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            client.UnaryAsync(Prefix + "QueryWorkflow", Query(i + 1), QueryWorkflowResponse.Parser)));

        replies.Select(r => r.QueryResult.Payloads_[0].Data.Length).ShouldBe(Enumerable.Range(1, 200));
    }

    private static QueryWorkflowRequest Query(int size) => new()
    {
        Namespace = "default",
        Query = new WorkflowQuery { QueryType = "echo", QueryArgs = WorkflowServiceFixture.PayloadsOfSize(size) },
    };
}
