using Temporalio.Api.Failure.V1;

namespace Temporalio.Exceptions;

/// <summary>The workflow was terminated.</summary>
public class TerminatedFailureException : FailureException
{
    protected internal TerminatedFailureException(Failure failure, Exception? inner, InboundFailureDetails? details)
        : base(failure, inner)
    {
        Details = details;
    }

    public new Failure Failure => base.Failure!;

    /// <summary>The details given to terminate, when the client read them from the termination event.</summary>
    public IFailureDetails? Details { get; protected init; }
}
