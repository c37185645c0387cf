using Temporalio.Api.Common.V1;

namespace Temporalio.Converters;

/// <summary>Turns values into Temporal payloads and back.</summary>
public interface IPayloadConverter
{
    Payload ToPayload(object? value);

    object? ToValue(Payload payload, Type type);
}
