using System.Text.Json;

namespace Temporalio.Converters;

/// <summary>
/// Temporal's standard encodings, in the order every Temporal SDK uses: binary/null, binary/plain (byte[]),
/// json/protobuf and binary/protobuf (protobuf messages), json/plain (everything else, System.Text.Json).
/// </summary>
public class DefaultPayloadConverter : CompositePayloadConverter
{
    /// <summary>Reading accepts property names in any case, so camelCase JSON from other SDKs binds to .NET records.</summary>
    public static readonly JsonSerializerOptions DefaultJsonSerializerOptions = new() { PropertyNameCaseInsensitive = true };

    public DefaultPayloadConverter()
        : this(DefaultJsonSerializerOptions)
    {
    }

    public DefaultPayloadConverter(JsonSerializerOptions jsonSerializerOptions)
        : base(
            new BinaryNullConverter(),
            new BinaryPlainConverter(),
            new JsonProtoConverter(),
            new BinaryProtoConverter(),
            new JsonPlainConverter(jsonSerializerOptions))
    {
    }
}
