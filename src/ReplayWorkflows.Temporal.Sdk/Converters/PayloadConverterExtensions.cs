using Temporalio.Api.Common.V1;

namespace Temporalio.Converters;

public static class PayloadConverterExtensions
{
    public static T ToValue<T>(this IPayloadConverter converter, Payload payload) => (T)converter.ToValue(payload, typeof(T))!;
}
