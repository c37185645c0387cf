using System.Text.Json;
using Google.Protobuf;
using Temporalio.Api.Common.V1;

namespace Temporalio.Converters;

/// <summary>json/plain: any other value as JSON (System.Text.Json).</summary>
public class JsonPlainConverter : IEncodingConverter
{
    public JsonPlainConverter(JsonSerializerOptions serializerOptions) => SerializerOptions = serializerOptions;

    public virtual string Encoding => "json/plain";

    protected JsonSerializerOptions SerializerOptions { get; }

    public virtual bool TryToPayload(object? value, out Payload? payload)
    {
        payload = DefaultPayloadConverter.NewPayload(Encoding, ByteString.CopyFrom(JsonSerializer.SerializeToUtf8Bytes(value, SerializerOptions)));
        return true;
    }

    public virtual object? ToValue(Payload payload, Type type)
    {
        try
        {
            return JsonSerializer.Deserialize(payload.Data.Span, type, SerializerOptions);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"json/plain payload cannot be read as {type.FullName}: {ex.Message}", ex);
        }
    }
}
