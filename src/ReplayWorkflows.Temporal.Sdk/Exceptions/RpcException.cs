using Google.Protobuf;
using ReplayWorkflows.Temporal.Api.Grpc;
using Temporalio.Api.Common.V1;

namespace Temporalio.Exceptions;

/// <summary>A gRPC call to the server failed with a status.</summary>
public class RpcException : TemporalException
{
    public RpcException(StatusCode code, string message, byte[]? rawStatus)
        : base(message)
    {
        Code = code;
        RawStatus = rawStatus;
        GrpcStatus = new(() => rawStatus is null ? null : Api.Common.V1.GrpcStatus.Parser.ParseFrom(rawStatus));
    }

    internal RpcException(GrpcException inner)
        : base(inner.Message, inner)
    {
        Code = (StatusCode)(int)inner.StatusCode;
        var status = new GrpcStatus { Code = (int)inner.StatusCode, Message = inner.Message, Details = { inner.Details } };
        RawStatus = status.ToByteArray();
        GrpcStatus = new(() => status);
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

    /// <summary>The status message parsed from <see cref="RawStatus"/> on first use (its details carry typed errors).</summary>
    public Lazy<GrpcStatus?> GrpcStatus { get; private init; }
}
