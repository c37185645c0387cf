using Google.Protobuf;
using Microsoft.Extensions.Logging;
using ReplayWorkflows.Temporal.Api;
using ReplayWorkflows.Temporal.Api.Grpc;
using Temporalio.Api.Common.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.TaskQueue.V1;
using Temporalio.Api.WorkflowService.V1;

namespace ReplayWorkflows.Temporal.Server.Tests;

/// <summary>A database that cannot grow stops the server with one clear reason and leaves only whole histories behind.</summary>
public sealed class FullDiskTests
{
    [Fact]
    public async Task A_full_database_stops_the_server_with_the_reason_and_every_accepted_start_survives_whole()
    {
        var folder = Directory.CreateTempSubdirectory("rw-full-").FullName;
        var db = Path.Combine(folder, "temporal.db");
        var accepted = new List<(string Id, string RunId)>();
        try
        {
            // 40 pages of 4 KiB: room for the schema and a handful of 20 KiB workflow inputs.
            var server = await DevServer.StartAsync(new DevServerOptions { Port = 0, DbFilename = db, DbMaxPageCount = 40, LogLevel = LogLevel.None });
            Exception? refused = null;
            using (var client = new GrpcClientConnection(server.Address))
            {
                var input = new Payloads { Payloads_ = { new Payload { Metadata = { ["encoding"] = ByteString.CopyFromUtf8("binary/plain") }, Data = ByteString.CopyFrom(new byte[20_000]) } } };
                for (var i = 0; i < 100 && refused is null; i++)
                {
                    var id = $"fill-{i}";
                    try
                    {
                        var started = await client.UnaryAsync(TemporalServices.WorkflowServicePrefix + "StartWorkflowExecution", new StartWorkflowExecutionRequest
                        {
                            Namespace = "default", WorkflowId = id, WorkflowType = new WorkflowType { Name = "Fill" }, TaskQueue = new TaskQueue { Name = "fill" },
                            RequestId = Guid.NewGuid().ToString(), Input = input,
                        }, StartWorkflowExecutionResponse.Parser);
                        accepted.Add((id, started.RunId));
                    }
                    catch (Exception e) when (e is GrpcException or HttpRequestException or IOException)
                    {
                        refused = e;
                    }
                }
            }

            refused.ShouldNotBeNull("the cap was reached");
            accepted.Count.ShouldBeGreaterThan(0);
            var reason = await server.Stopped.WaitAsync(TimeSpan.FromSeconds(10));
            reason.ShouldNotBeNull();
            reason.ShouldStartWith("database error: ");
            reason.ShouldContain("full");
            await server.DisposeAsync();

            // Restarted on the same file without the cap: every start the client was told succeeded is there, whole.
            await using var restarted = await DevServer.StartAsync(new DevServerOptions { Port = 0, DbFilename = db, LogLevel = LogLevel.None });
            using var reader = new GrpcClientConnection(restarted.Address);
            foreach (var (id, runId) in accepted)
            {
                var history = await reader.UnaryAsync(TemporalServices.WorkflowServicePrefix + "GetWorkflowExecutionHistory", new GetWorkflowExecutionHistoryRequest
                {
                    Namespace = "default", Execution = new WorkflowExecution { WorkflowId = id, RunId = runId },
                }, GetWorkflowExecutionHistoryResponse.Parser);
                history.History.Events.Select(e => e.EventType).ShouldBe([EventType.WorkflowExecutionStarted, EventType.WorkflowTaskScheduled], id);
                history.History.Events[0].WorkflowExecutionStartedEventAttributes.Input.Payloads_[0].Data.Length.ShouldBe(20_000);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
