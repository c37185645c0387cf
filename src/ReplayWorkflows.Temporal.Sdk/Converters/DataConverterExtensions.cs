using Temporalio.Api.Common.V1;
using Temporalio.Api.Failure.V1;

namespace Temporalio.Converters;

/// <summary>Conversion with the codec applied, as the client and workers use it (named as in the official SDK).</summary>
public static partial class ConverterExtensions
{
    public static async Task<IReadOnlyCollection<Payload>> ToPayloadsAsync(this DataConverter converter, IReadOnlyCollection<object?> values)
    {
        ArgumentNullException.ThrowIfNull(converter);
        var payloads = values.Select(converter.PayloadConverter.ToPayload).ToList();
        return converter.PayloadCodec is null ? payloads : await converter.PayloadCodec.EncodeAsync(payloads).ConfigureAwait(false);
    }

    public static async Task<Payload> ToPayloadAsync(this DataConverter converter, object? value) =>
        (await converter.ToPayloadsAsync([value]).ConfigureAwait(false)).Single();

    /// <summary>The values as the Payloads message requests carry.</summary>
    internal static async Task<Payloads> ToPayloadsMessageAsync(this DataConverter converter, IReadOnlyCollection<object?> values)
    {
        var result = new Payloads();
        result.Payloads_.AddRange(await converter.ToPayloadsAsync(values).ConfigureAwait(false));
        return result;
    }

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

    /// <summary>Decodes the one payload of a result or argument list; anything but exactly one is an error.</summary>
    public static async Task<T> ToSingleValueAsync<T>(this DataConverter converter, IReadOnlyCollection<Payload> payloads) =>
        (T)(await converter.ToSingleValueAsync(payloads, typeof(T)).ConfigureAwait(false))!;

    public static Task<object?> ToSingleValueAsync(this DataConverter converter, IReadOnlyCollection<Payload> payloads, Type type)
    {
        ArgumentNullException.ThrowIfNull(payloads);
        return payloads.Count == 1
            ? converter.ToValueAsync(payloads.First(), type)
            : throw new ArgumentException($"expected exactly one payload, got {payloads.Count}", nameof(payloads));
    }

    /// <summary>A workflow or query result: its first payload, or default when it returned nothing (void).</summary>
    internal static async Task<T> ToResultValueAsync<T>(this DataConverter converter, Payloads? payloads)
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
