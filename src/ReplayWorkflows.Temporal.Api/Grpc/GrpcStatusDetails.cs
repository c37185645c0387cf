using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Temporalio.Api.Common.V1;

namespace ReplayWorkflows.Temporal.Api.Grpc;

/// <summary>
/// The <c>google.rpc.Status</c> message carried (base64) in <c>grpc-status-details-bin</c>. Its message type is
/// compiled from the pinned package's status.proto under the official SDK's name, <see cref="GrpcStatus"/>.
/// </summary>
internal static class GrpcStatusDetails
{
    public const string TrailerName = "grpc-status-details-bin";

    public static byte[] Encode(GrpcStatusCode code, string message, IReadOnlyList<Any> details) =>
        new GrpcStatus { Code = (int)code, Message = message, Details = { details } }.ToByteArray();

    public static (GrpcStatusCode Code, string Message, IReadOnlyList<Any> Details) Decode(ReadOnlySpan<byte> bytes)
    {
        var status = GrpcStatus.Parser.ParseFrom(bytes);
        return ((GrpcStatusCode)status.Code, status.Message, status.Details);
    }

    /// <summary>Base64 as gRPC sends binary headers: padding omitted; readers accept both forms.</summary>
    public static string ToHeaderValue(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

    public static byte[] FromHeaderValue(string value)
    {
        var trimmed = value.Trim();
        var padded = trimmed.PadRight(trimmed.Length + ((4 - (trimmed.Length % 4)) % 4), '=');
        return Convert.FromBase64String(padded);
    }
}
