using Temporalio.Api.Common.V1;

namespace Temporalio.Converters;

/// <summary>A value still in its payload form (decoded by any codec, not yet converted), such as a memo entry.</summary>
public interface IRawValue
{
    Payload Payload { get; }
}
