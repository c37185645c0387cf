using Temporalio.Api.Failure.V1;

namespace Temporalio.Exceptions;

/// <summary>Cancellation as a failure: of an activity, a child, a timer, or the workflow itself.</summary>
public class CanceledFailureException : FailureException
{
    public CanceledFailureException(string message, Exception? inner = null, IReadOnlyCollection<object?>? details = null)
        : base(message, inner)
    {
        Details = new OutboundFailureDetails(details ?? []);
    }

    protected internal CanceledFailureException(Failure failure, Exception? inner, Converters.IPayloadConverter converter)
        : base(failure, inner)
    {
        Details = new InboundFailureDetails(converter, failure.CanceledFailureInfo?.Details?.Payloads_);
    }

    public IFailureDetails Details { get; protected init; }
}
