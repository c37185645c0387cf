using ReplayWorkflows.Temporal.Api.Grpc;

namespace Temporalio.Exceptions;

/// <summary>A gRPC call to the server failed with a status.</summary>
public class RpcException : TemporalException
{
    public RpcException(StatusCode code, string message, byte[]? rawStatus)
        : base(message)
    {
        Code = code;
        RawStatus = rawStatus;
    }

    internal RpcException(GrpcException inner)
        : base(inner.Message, inner)
    {
        Code = (StatusCode)(int)inner.StatusCode;
        Details = inner.Details;
    }

    /// <summary>gRPC status codes.</summary>
    public enum StatusCode
    {
        OK = 0,
        Cancelled = 1,
        Unknown = 2,
        InvalidArgument = 3,
        DeadlineExceeded = 4,
        NotFound = 5,
        AlreadyExists = 6,
        PermissionDenied = 7,
        ResourceExhausted = 8,
        FailedPrecondition = 9,
        Aborted = 10,
        OutOfRange = 11,
        Unimplemented = 12,
        Internal = 13,
        Unavailable = 14,
        DataLoss = 15,
        Unauthenticated = 16,
    }

    public StatusCode Code { get; private init; }

    public byte[]? RawStatus { get; private init; }

    /// <summary>The typed details of the status (google.rpc.Status details).</summary>
    public IReadOnlyList<Google.Protobuf.WellKnownTypes.Any> Details { get; private init; } = [];
}
