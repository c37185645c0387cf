using Google.Protobuf;
using Temporalio.Api.Common.V1;

namespace Temporalio.Converters;

/// <summary>binary/plain: a byte array as it is.</summary>
public class BinaryPlainConverter : IEncodingConverter
{
    public string Encoding => "binary/plain";

    public bool TryToPayload(object? value, out Payload? payload)
    {
        payload = value is byte[] bytes ? DefaultPayloadConverter.NewPayload(Encoding, ByteString.CopyFrom(bytes)) : null;
        return payload is not null;
    }

    public object? ToValue(Payload payload, Type type) =>
        type == typeof(byte[]) || type == typeof(object)
            ? payload.Data.ToByteArray()
            : throw new ArgumentException($"a binary/plain payload can only be read as byte[], not {type.FullName}");
}
