using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace ReplayWorkflows.Temporal.Api.Grpc;

/// <summary>
/// The <c>google.rpc.Status</c> message carried (base64) in <c>grpc-status-details-bin</c>:
/// field 1 code (int32), field 2 message (string), field 3 details (repeated google.protobuf.Any).
/// The pinned proto package does not ship google/rpc/status.proto, and three fields do not justify
/// another download, so this small codec writes and reads the wire format directly.
/// </summary>
internal static class GrpcStatusDetails
{
    public const string TrailerName = "grpc-status-details-bin";

    public static byte[] Encode(GrpcStatusCode code, string message, IReadOnlyList<Any> details)
    {
        using var buffer = new MemoryStream();
        using (var output = new CodedOutputStream(buffer, leaveOpen: true))
        {
            if (code != GrpcStatusCode.OK)
            {
                output.WriteTag(1, WireFormat.WireType.Varint);
                output.WriteInt32((int)code);
            }

            if (message.Length > 0)
            {
                output.WriteTag(2, WireFormat.WireType.LengthDelimited);
                output.WriteString(message);
            }

            foreach (var detail in details)
            {
                output.WriteTag(3, WireFormat.WireType.LengthDelimited);
                output.WriteMessage(detail);
            }
        }

        return buffer.ToArray();
    }

    public static (GrpcStatusCode Code, string Message, IReadOnlyList<Any> Details) Decode(ReadOnlySpan<byte> bytes)
    {
        var code = GrpcStatusCode.OK;
        var message = string.Empty;
        var details = new List<Any>();
        var input = new CodedInputStream(bytes.ToArray());
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1 when WireFormat.GetTagWireType(tag) == WireFormat.WireType.Varint:
                    code = (GrpcStatusCode)input.ReadInt32();
                    break;
                case 2 when WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited:
                    message = input.ReadString();
                    break;
                case 3 when WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited:
                    var any = new Any();
                    input.ReadMessage(any);
                    details.Add(any);
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        return (code, message, details);
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
