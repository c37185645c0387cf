using System.Text.Json;
using Google.Protobuf;
using Temporalio.Api.Common.V1;

namespace Temporalio.Converters;

/// <summary>
/// Temporal's standard encodings, in the order every Temporal SDK uses: binary/null, binary/plain (byte[]),
/// json/protobuf and binary/protobuf (protobuf messages), json/plain (everything else, System.Text.Json). Writing tries
/// each encoding converter in order; reading uses the one the payload's <c>encoding</c> metadata names. Subclass it
/// with other encoding converters to customise, as with the official SDK.
/// </summary>
public class DefaultPayloadConverter : IPayloadConverter
{
    /// <summary>Reading accepts property names in any case, so camelCase JSON from other SDKs binds to .NET records.</summary>
    internal static readonly JsonSerializerOptions DefaultJsonSerializerOptions = new() { PropertyNameCaseInsensitive = true };

    public DefaultPayloadConverter()
        : this(DefaultJsonSerializerOptions)
    {
    }

    public DefaultPayloadConverter(JsonSerializerOptions jsonSerializerOptions)
        : this(
            new BinaryNullConverter(),
            new BinaryPlainConverter(),
            new JsonProtoConverter(),
            new BinaryProtoConverter(),
            new JsonPlainConverter(jsonSerializerOptions))
    {
    }

    public DefaultPayloadConverter(params IEncodingConverter[] encodingConverters)
    {
        ArgumentNullException.ThrowIfNull(encodingConverters);
        EncodingConverters = encodingConverters;
        IndexedEncodingConverters = encodingConverters.ToDictionary(c => ByteString.CopyFromUtf8(c.Encoding));
    }

    public IReadOnlyCollection<IEncodingConverter> EncodingConverters { get; }

    /// <summary>The encoding converters by their <c>encoding</c> metadata value, for reading.</summary>
    protected IReadOnlyDictionary<ByteString, IEncodingConverter> IndexedEncodingConverters { get; }

    public Payload ToPayload(object? value)
    {
        foreach (var converter in EncodingConverters)
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
        if (!payload.Metadata.TryGetValue("encoding", out var encoding) || !IndexedEncodingConverters.TryGetValue(encoding, out var converter))
        {
            throw new ArgumentException($"no payload converter for encoding '{encoding?.ToStringUtf8() ?? "(none)"}' (reading {type.FullName})");
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
