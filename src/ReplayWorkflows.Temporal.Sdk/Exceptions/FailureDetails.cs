using Temporalio.Api.Common.V1;
using Temporalio.Converters;

namespace Temporalio.Exceptions;

/// <summary>The details attached to a failure.</summary>
public interface IFailureDetails
{
    int Count { get; }

    T ElementAt<T>(int index);
}

/// <summary>Details received from the server, converted on access.</summary>
public record InboundFailureDetails(IPayloadConverter Converter, IReadOnlyCollection<Payload>? Payloads) : IFailureDetails
{
    public int Count => Payloads?.Count ?? 0;

    public T ElementAt<T>(int index) =>
        Payloads is null || index >= Payloads.Count
            ? throw new ArgumentOutOfRangeException(nameof(index), $"failure has {Count} details")
            : Converter.ToValue<T>(Payloads.ElementAt(index));
}

/// <summary>Details set by user code, converted when the failure is sent.</summary>
public record OutboundFailureDetails(IReadOnlyCollection<object?>? Details) : IFailureDetails
{
    public int Count => Details?.Count ?? 0;

    public T ElementAt<T>(int index) =>
        Details is null || index >= Details.Count
            ? throw new ArgumentOutOfRangeException(nameof(index), $"failure has {Count} details")
            : (T)Details.ElementAt(index)!;
}
