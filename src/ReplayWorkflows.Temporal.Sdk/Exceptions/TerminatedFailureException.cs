using Temporalio.Api.Failure.V1;

namespace Temporalio.Exceptions;

/// <summary>The workflow was terminated.</summary>
public class TerminatedFailureException : FailureException
{
    protected internal TerminatedFailureException(Failure failure, Exception? inner)
        : base(failure, inner)
    {
    }

    public new Failure Failure => base.Failure!;
}
