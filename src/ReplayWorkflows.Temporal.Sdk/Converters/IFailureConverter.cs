using Temporalio.Api.Failure.V1;

namespace Temporalio.Converters;

/// <summary>Turns exceptions into Temporal failures and back.</summary>
public interface IFailureConverter
{
    Failure ToFailure(Exception exception, IPayloadConverter payloadConverter);

    Exception ToException(Failure failure, IPayloadConverter payloadConverter);
}
