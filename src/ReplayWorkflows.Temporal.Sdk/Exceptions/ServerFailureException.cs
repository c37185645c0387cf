using Temporalio.Api.Failure.V1;

namespace Temporalio.Exceptions;

/// <summary>A failure raised by the server itself.</summary>
public class ServerFailureException : FailureException
{
    protected internal ServerFailureException(Failure failure, Exception? inner)
        : base(failure, inner)
    {
    }

    public new Failure Failure => base.Failure!;

    public bool NonRetryable => Failure.ServerFailureInfo.NonRetryable;
}
