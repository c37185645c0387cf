using Temporalio.Api.Common.V1;

namespace Temporalio.Converters;

public static partial class ConverterExtensions
{
    public static T ToValue<T>(this IPayloadConverter converter, Payload payload) => (T)converter.ToValue(payload, typeof(T))!;

    public static T ToValue<T>(this IPayloadConverter converter, IRawValue rawValue)
    {
        ArgumentNullException.ThrowIfNull(rawValue);
        return converter.ToValue<T>(rawValue.Payload);
    }

    public static RawValue ToRawValue(this IPayloadConverter converter, object? value)
    {
        ArgumentNullException.ThrowIfNull(converter);
        return new RawValue(converter.ToPayload(value));
    }
}
