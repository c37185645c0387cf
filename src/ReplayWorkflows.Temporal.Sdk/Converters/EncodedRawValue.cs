using Temporalio.Api.Common.V1;

namespace Temporalio.Converters;

/// <summary>The plain <see cref="IEncodedRawValue"/>: a payload and the converter (with its codec) that reads it.</summary>
public record EncodedRawValue(DataConverter DataConverter, Payload Payload) : IEncodedRawValue
{
    public async Task<T> ToValueAsync<T>() => (T)(await ToValueAsync(typeof(T)).ConfigureAwait(false))!;

    public Task<object?> ToValueAsync(Type type) => DataConverter.ToValueAsync(Payload, type);
}
