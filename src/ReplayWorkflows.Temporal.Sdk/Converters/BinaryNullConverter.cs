using Google.Protobuf;
using Temporalio.Api.Common.V1;

namespace Temporalio.Converters;

/// <summary>binary/null: a null value, with no data.</summary>
public class BinaryNullConverter : IEncodingConverter
{
    public string Encoding => "binary/null";

    public bool TryToPayload(object? value, out Payload? payload)
    {
        payload = value is null ? DefaultPayloadConverter.NewPayload(Encoding, ByteString.Empty) : null;
        return payload is not null;
    }

    public object? ToValue(Payload payload, Type type)
    {
        if (type.IsValueType && Nullable.GetUnderlyingType(type) is null)
        {
            throw new ArgumentException($"a null payload cannot be read as the non-nullable {type.FullName}");
        }

        return null;
    }
}
