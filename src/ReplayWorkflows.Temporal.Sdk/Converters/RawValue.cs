using Temporalio.Api.Common.V1;

namespace Temporalio.Converters;

/// <summary>The plain <see cref="IRawValue"/>.</summary>
public record RawValue(Payload Payload) : IRawValue;
