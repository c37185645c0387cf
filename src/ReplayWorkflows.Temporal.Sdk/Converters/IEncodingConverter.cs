using Temporalio.Api.Common.V1;

namespace Temporalio.Converters;

/// <summary>One payload encoding (the <c>encoding</c> metadata value) of a composite payload converter.</summary>
public interface IEncodingConverter
{
    string Encoding { get; }

    bool TryToPayload(object? value, out Payload? payload);

    object? ToValue(Payload payload, Type type);
}
