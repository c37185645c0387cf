namespace Temporalio.Converters;

/// <summary>The payload converter, failure converter and optional codec used by a client and its workers.</summary>
public record DataConverter(IPayloadConverter PayloadConverter, IFailureConverter FailureConverter, IPayloadCodec? PayloadCodec = null)
{
    public static DataConverter Default { get; } = new(new DefaultPayloadConverter(), new DefaultFailureConverter());
}
