namespace Temporalio.Exceptions;

/// <summary>The base of every exception the SDK throws.</summary>
public abstract class TemporalException : Exception
{
    protected TemporalException()
    {
    }

    protected TemporalException(string message)
        : base(message)
    {
    }

    protected TemporalException(string message, Exception? inner)
        : base(message, inner)
    {
    }

    /// <summary>Whether <paramref name="e"/> means cancellation (directly, or as the cause of an activity or child failure).</summary>
    public static bool IsCanceledException(Exception e) =>
        e is OperationCanceledException or CanceledFailureException ||
        (e is ActivityFailureException or ChildWorkflowFailureException && e.InnerException is CanceledFailureException);
}
