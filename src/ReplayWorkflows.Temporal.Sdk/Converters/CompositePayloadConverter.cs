using Google.Protobuf;
using Temporalio.Api.Common.V1;

namespace Temporalio.Converters;

/// <summary>
/// Tries each encoding converter in order to write a value; reads a payload with the converter its
/// <c>encoding</c> metadata names.
/// </summary>
public class CompositePayloadConverter : IPayloadConverter
{
    public CompositePayloadConverter(params IEncodingConverter[] converters)
    {
        Converters = converters;
        ConvertersByEncoding = converters.ToDictionary(c => c.Encoding, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<IEncodingConverter> Converters { get; }

    public IReadOnlyDictionary<string, IEncodingConverter> ConvertersByEncoding { get; }

    public Payload ToPayload(object? value)
    {
        foreach (var converter in Converters)
        {
            if (converter.TryToPayload(value, out var payload) && payload is not null)
            {
                return payload;
            }
        }

        throw new ArgumentException($"no payload converter can encode a value of type {value?.GetType().FullName ?? "null"}");
    }

    public object? ToValue(Payload payload, Type type)
    {
        var encoding = payload.Metadata.TryGetValue("encoding", out var e) ? e.ToStringUtf8() : null;
        if (encoding is null || !ConvertersByEncoding.TryGetValue(encoding, out var converter))
        {
            throw new ArgumentException($"no payload converter for encoding '{encoding ?? "(none)"}' (reading {type.FullName})");
        }

        return converter.ToValue(payload, type);
    }

    internal static Payload NewPayload(string encoding, ByteString data, string? messageType = null)
    {
        var payload = new Payload { Data = data };
        payload.Metadata["encoding"] = ByteString.CopyFromUtf8(encoding);
        if (messageType is not null)
        {
            payload.Metadata["messageType"] = ByteString.CopyFromUtf8(messageType);
        }

        return payload;
    }
}
