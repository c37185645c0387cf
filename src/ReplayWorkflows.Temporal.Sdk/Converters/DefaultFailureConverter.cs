using Temporalio.Api.Common.V1;
using Temporalio.Api.Failure.V1;
using Temporalio.Exceptions;

namespace Temporalio.Converters;

/// <summary>
/// Converts exceptions to Temporal failures and back. Any exception that is not a failure exception becomes an
/// application failure typed with the exception's class name, so retry policies can name it.
/// </summary>
public class DefaultFailureConverter : IFailureConverter
{
    private const int MaxCauseDepth = 20;

    public virtual Failure ToFailure(Exception exception, IPayloadConverter payloadConverter) => ToFailure(exception, payloadConverter, 0);

    public virtual Exception ToException(Failure failure, IPayloadConverter payloadConverter)
    {
        var inner = failure.Cause is null ? null : ToException(failure.Cause, payloadConverter);
        return failure.FailureInfoCase switch
        {
            Failure.FailureInfoOneofCase.ApplicationFailureInfo => new ApplicationFailureException(failure, inner, payloadConverter),
            Failure.FailureInfoOneofCase.TimeoutFailureInfo => new TimeoutFailureException(failure, inner, payloadConverter),
            Failure.FailureInfoOneofCase.CanceledFailureInfo => new CanceledFailureException(failure, inner, payloadConverter),
            Failure.FailureInfoOneofCase.TerminatedFailureInfo => new TerminatedFailureException(failure, inner, null),
            Failure.FailureInfoOneofCase.ServerFailureInfo => new ServerFailureException(failure, inner),
            Failure.FailureInfoOneofCase.ActivityFailureInfo => new ActivityFailureException(failure, inner),
            Failure.FailureInfoOneofCase.ChildWorkflowExecutionFailureInfo => new ChildWorkflowFailureException(failure, inner),
            _ => new FailureException(failure, inner),
        };
    }

    private static Failure ToFailure(Exception exception, IPayloadConverter converter, int depth)
    {
        // A failure that came from the server goes back unchanged (with its original cause chain).
        if (exception is FailureException { Failure: { } existing })
        {
            return existing;
        }

        var failure = new Failure
        {
            Message = exception.Message,
            StackTrace = exception.StackTrace ?? string.Empty,
            Source = "ReplayWorkflowsDotNetSDK",
        };
        switch (exception)
        {
            case ApplicationFailureException app:
                failure.ApplicationFailureInfo = new ApplicationFailureInfo
                {
                    Type = app.ErrorType ?? string.Empty,
                    NonRetryable = app.NonRetryable,
                    Category = app.Category,
                };
                if (app.NextRetryDelay is { } delay)
                {
                    failure.ApplicationFailureInfo.NextRetryDelay = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(delay);
                }

                if (ToPayloads(app.Details, converter) is { } details)
                {
                    failure.ApplicationFailureInfo.Details = details;
                }

                break;
            case CanceledFailureException canceled:
                failure.CanceledFailureInfo = new CanceledFailureInfo();
                if (ToPayloads(canceled.Details, converter) is { } canceledDetails)
                {
                    failure.CanceledFailureInfo.Details = canceledDetails;
                }

                break;
            case OperationCanceledException:
                failure.CanceledFailureInfo = new CanceledFailureInfo();
                break;
            default:
                failure.ApplicationFailureInfo = new ApplicationFailureInfo { Type = exception.GetType().Name };
                break;
        }

        if (exception.InnerException is { } cause && depth < MaxCauseDepth)
        {
            failure.Cause = ToFailure(cause, converter, depth + 1);
        }

        return failure;
    }

    private static Payloads? ToPayloads(IFailureDetails details, IPayloadConverter converter)
    {
        switch (details)
        {
            case OutboundFailureDetails { Details.Count: > 0 } outbound:
                var payloads = new Payloads();
                payloads.Payloads_.AddRange(outbound.Details!.Select(converter.ToPayload));
                return payloads;
            case InboundFailureDetails { Payloads.Count: > 0 } inbound:
                var copy = new Payloads();
                copy.Payloads_.AddRange(inbound.Payloads!);
                return copy;
            default:
                return null;
        }
    }
}
