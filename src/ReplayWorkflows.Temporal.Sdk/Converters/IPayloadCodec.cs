using Temporalio.Api.Common.V1;

namespace Temporalio.Converters;

/// <summary>Transforms payloads on their way to and from the server (for example encryption or compression).</summary>
public interface IPayloadCodec
{
    Task<IReadOnlyCollection<Payload>> EncodeAsync(IReadOnlyCollection<Payload> payloads);

    Task<IReadOnlyCollection<Payload>> DecodeAsync(IReadOnlyCollection<Payload> payloads);
}
