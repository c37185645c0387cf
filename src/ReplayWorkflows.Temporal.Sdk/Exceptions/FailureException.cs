using Temporalio.Api.Failure.V1;

namespace Temporalio.Exceptions;

/// <summary>An exception that is, or becomes, a Temporal failure.</summary>
public class FailureException : TemporalException
{
    protected internal FailureException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    protected internal FailureException(Failure failure, Exception? inner)
        : base(failure.Message, inner)
    {
        Failure = failure;
    }

    /// <summary>The failure this exception was built from, when it came from the server.</summary>
    public Failure? Failure { get; protected init; }

    /// <summary>The remote stack trace when the failure came from elsewhere.</summary>
    public override string? StackTrace => Failure is { StackTrace.Length: > 0 } f ? f.StackTrace : base.StackTrace;
}
