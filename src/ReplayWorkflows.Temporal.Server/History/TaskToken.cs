using System.Text.Json;
using Google.Protobuf;
using ReplayWorkflows.Temporal.Api.Grpc;

namespace ReplayWorkflows.Temporal.Server.History;

/// <summary>The opaque token a worker hands back with a task's result: which run, task and attempt it was.</summary>
internal sealed record TaskToken(
    string Namespace,
    string WorkflowId,
    string RunId,
    long ScheduledEventId,
    long StartedEventId,
    int Attempt,
    string? QueryId = null)
{
    public ExecutionKey Key => new(Namespace, WorkflowId, RunId);

    public ByteString ToByteString() => ByteString.CopyFrom(JsonSerializer.SerializeToUtf8Bytes(this));

    public static TaskToken Parse(ByteString token)
    {
        try
        {
            var parsed = JsonSerializer.Deserialize<TaskToken>(token.Span);
            return parsed is { Namespace.Length: > 0, WorkflowId.Length: > 0, RunId.Length: > 0 }
                ? parsed
                : throw new GrpcException(GrpcStatusCode.InvalidArgument, "Error deserializing task token.");
        }
        catch (JsonException)
        {
            throw new GrpcException(GrpcStatusCode.InvalidArgument, "Error deserializing task token.");
        }
    }
}
