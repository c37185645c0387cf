using Google.Protobuf;
using Google.Protobuf.Reflection;
using Temporalio.Api.Common.V1;

namespace Temporalio.Converters;

/// <summary>json/protobuf: a protobuf message in protobuf's JSON form, with its type in <c>messageType</c>.</summary>
public class JsonProtoConverter : IEncodingConverter
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public string Encoding => "json/protobuf";

    public bool TryToPayload(object? value, out Payload? payload)
    {
        payload = value is IMessage message
            ? DefaultPayloadConverter.NewPayload(Encoding, ByteString.CopyFromUtf8(JsonFormatter.Default.Format(message)), message.Descriptor.FullName)
            : null;
        return payload is not null;
    }

    public object? ToValue(Payload payload, Type type)
    {
        var descriptor = ProtoMessages.DescriptorOf(type);
        return Parser.Parse(payload.Data.ToStringUtf8(), descriptor);
    }
}

/// <summary>binary/protobuf: a protobuf message in its wire form.</summary>
public class BinaryProtoConverter : IEncodingConverter
{
    public string Encoding => "binary/protobuf";

    public bool TryToPayload(object? value, out Payload? payload)
    {
        payload = value is IMessage message
            ? DefaultPayloadConverter.NewPayload(Encoding, message.ToByteString(), message.Descriptor.FullName)
            : null;
        return payload is not null;
    }

    public object? ToValue(Payload payload, Type type) => ProtoMessages.DescriptorOf(type).Parser.ParseFrom(payload.Data);
}

internal static class ProtoMessages
{
    public static MessageDescriptor DescriptorOf(Type type)
    {
        if (!typeof(IMessage).IsAssignableFrom(type))
        {
            throw new ArgumentException($"a protobuf payload cannot be read as {type.FullName}, which is not a protobuf message");
        }

        var property = type.GetProperty("Descriptor", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static);
        return property?.GetValue(null) as MessageDescriptor
            ?? throw new ArgumentException($"protobuf message type {type.FullName} has no static Descriptor");
    }
}
