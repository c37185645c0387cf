using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace ReplayWorkflows.Temporal.Api.Grpc;

/// <summary>
/// A call that ended with a non-OK gRPC status. Servers throw it from handlers to answer with that status;
/// clients receive it with the status, message and the typed details of <c>grpc-status-details-bin</c>.
/// </summary>
public sealed class GrpcException : Exception
{
    public GrpcException(GrpcStatusCode statusCode, string message, params IMessage[] details)
        : this(statusCode, message, details.Select(Any.Pack).ToList())
    {
    }

    public GrpcException(GrpcStatusCode statusCode, string message, IReadOnlyList<Any> details, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Details = details;
    }

    public GrpcStatusCode StatusCode { get; }

    /// <summary>Typed error details (for Temporal, for example <c>WorkflowExecutionAlreadyStartedFailure</c>).</summary>
    public IReadOnlyList<Any> Details { get; }

    /// <summary>The first detail of type <typeparamref name="T"/>, or null.</summary>
    public T? GetDetail<T>()
        where T : class, IMessage<T>, new()
    {
        var descriptor = new T().Descriptor;
        foreach (var any in Details)
        {
            if (any.Is(descriptor))
            {
                return any.Unpack<T>();
            }
        }

        return null;
    }

    public override string ToString() => $"gRPC {StatusCode} ({(int)StatusCode}): {Message}";
}
