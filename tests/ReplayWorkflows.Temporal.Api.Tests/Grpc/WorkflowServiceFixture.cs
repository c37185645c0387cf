using Google.Protobuf;
using Temporalio.Api.Common.V1;
using Temporalio.Api.ErrorDetails.V1;
using Temporalio.Api.WorkflowService.V1;
using ReplayWorkflows.Temporal.Api.Grpc;

namespace ReplayWorkflows.Temporal.Api.Tests.Grpc;

/// <summary>
/// Temporal's WorkflowService with a few test handlers: GetSystemInfo answers, QueryWorkflow echoes its arguments,
/// StartWorkflowExecution fails with typed details, DescribeNamespace waits until its call is cancelled.
/// </summary>
public sealed class WorkflowServiceFixture : IAsyncLifetime
{
    public const int MaxMessageSize = 12 * 1024 * 1024;

    private GrpcTestServer? server;

    /// <summary>Completed with how a blocked DescribeNamespace call ended (its token fired).</summary>
    public TaskCompletionSource<string> BlockedCallEnded { get; private set; } = NewSignal();

    /// <summary>The grpc-encoding and temporal-namespace headers of the last QueryWorkflow call.</summary>
    public (string? Encoding, string? Namespace, string? Timeout) LastQueryHeaders { get; private set; }

    public Uri Address => server!.Address;

    /// <summary>Completed when a DescribeNamespace call is blocked in its handler.</summary>
    public TaskCompletionSource<string> BlockedCallStarted { get; private set; } = NewSignal();

    public void ResetBlockedCall()
    {
        BlockedCallStarted = NewSignal();
        BlockedCallEnded = NewSignal();
    }

    public async Task InitializeAsync()
    {
        var definition = new GrpcServiceDefinition(TemporalServices.WorkflowService)
            .AddUnary<GetSystemInfoRequest, GetSystemInfoResponse>("GetSystemInfo", (_, _) =>
                Task.FromResult(new GetSystemInfoResponse
                {
                    ServerVersion = "test-1.0",
                    Capabilities = new GetSystemInfoResponse.Types.Capabilities { SignalAndQueryHeader = true, SdkMetadata = true },
                }))
            .AddUnary<QueryWorkflowRequest, QueryWorkflowResponse>("QueryWorkflow", (request, context) =>
            {
                LastQueryHeaders = (context.GetHeader("grpc-encoding"), context.GetHeader("temporal-namespace"), context.GetHeader("grpc-timeout"));
                return Task.FromResult(new QueryWorkflowResponse { QueryResult = request.Query.QueryArgs });
            })
            .AddUnary<StartWorkflowExecutionRequest, StartWorkflowExecutionResponse>("StartWorkflowExecution", (request, _) =>
                throw new GrpcException(GrpcStatusCode.AlreadyExists,
                    $"Workflow execution is already running. WorkflowId: {request.WorkflowId}, RunId: run-1.",
                    new WorkflowExecutionAlreadyStartedFailure { StartRequestId = request.RequestId, RunId = "run-1" }))
            .AddUnary<DescribeNamespaceRequest, DescribeNamespaceResponse>("DescribeNamespace", async (request, context) =>
            {
                if (request.Namespace != "block")
                {
                    throw new GrpcException(GrpcStatusCode.NotFound, $"Namespace {request.Namespace} is not found.",
                        new NamespaceNotFoundFailure { Namespace = request.Namespace });
                }

                try
                {
                    BlockedCallStarted.TrySetResult("started");
                    await Task.Delay(Timeout.Infinite, context.CancellationToken);
                }
                catch (OperationCanceledException)
                {
                    BlockedCallEnded.TrySetResult(context.Deadline is null ? "cancelled" : "deadline");
                    throw;
                }

                return new DescribeNamespaceResponse();
            });
        server = await GrpcTestServer.StartAsync(definition, new GrpcServerOptions { MaxReceiveMessageSize = MaxMessageSize });
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    public static Payloads PayloadsOfSize(int bytes)
    {
        var data = new byte[bytes];
        new Random(42).NextBytes(data);
        return new Payloads { Payloads_ = { new Payload { Data = ByteString.CopyFrom(data) } } };
    }

    private static TaskCompletionSource<string> NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
