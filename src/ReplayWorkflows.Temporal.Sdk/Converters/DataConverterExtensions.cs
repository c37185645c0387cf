using Temporalio.Api.Common.V1;
using Temporalio.Api.Failure.V1;

namespace Temporalio.Converters;

/// <summary>Conversion with the codec applied, as the client and workers use it.</summary>
public static class DataConverterExtensions
{
    public static async Task<Payloads> ToPayloadsAsync(this DataConverter converter, IReadOnlyCollection<object?> values)
    {
        var payloads = values.Select(converter.PayloadConverter.ToPayload).ToList();
        var result = new Payloads();
        result.Payloads_.AddRange(converter.PayloadCodec is null ? payloads : await converter.PayloadCodec.EncodeAsync(payloads).ConfigureAwait(false));
        return result;
    }

    public static async Task<Payload> ToPayloadAsync(this DataConverter converter, object? value) =>
        (await converter.ToPayloadsAsync([value]).ConfigureAwait(false)).Payloads_[0];

    public static async Task<T> ToValueAsync<T>(this DataConverter converter, Payload payload) =>
        (T)(await converter.ToValueAsync(payload, typeof(T)).ConfigureAwait(false))!;

    public static async Task<object?> ToValueAsync(this DataConverter converter, Payload payload, Type type)
    {
        if (converter.PayloadCodec is not null)
        {
            payload = (await converter.PayloadCodec.DecodeAsync([payload]).ConfigureAwait(false)).Single();
        }

        return converter.PayloadConverter.ToValue(payload, type);
    }

    /// <summary>Decodes the first payload of a result as <typeparamref name="T"/> (default when there is none).</summary>
    public static async Task<T> ToSingleValueAsync<T>(this DataConverter converter, Payloads? payloads)
    {
        if (payloads is null || payloads.Payloads_.Count == 0)
        {
            return default!;
        }

        return await converter.ToValueAsync<T>(payloads.Payloads_[0]).ConfigureAwait(false);
    }

    public static async Task<Exception> ToExceptionAsync(this DataConverter converter, Failure failure)
    {
        if (converter.PayloadCodec is not null)
        {
            await PayloadVisitor.DecodeAsync(converter.PayloadCodec, failure).ConfigureAwait(false);
        }

        return converter.FailureConverter.ToException(failure, converter.PayloadConverter);
    }

    public static async Task<Failure> ToFailureAsync(this DataConverter converter, Exception exception)
    {
        var failure = converter.FailureConverter.ToFailure(exception, converter.PayloadConverter);
        if (converter.PayloadCodec is not null)
        {
            await PayloadVisitor.EncodeAsync(converter.PayloadCodec, failure).ConfigureAwait(false);
        }

        return failure;
    }
}
