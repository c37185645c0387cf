using Temporalio.Api.Enums.V1;
using Temporalio.Api.Failure.V1;

namespace Temporalio.Exceptions;

/// <summary>A failure raised by workflow or activity code, with an optional type, details and retry hints.</summary>
public class ApplicationFailureException : FailureException
{
    public ApplicationFailureException(
        string message,
        string? errorType = null,
        bool nonRetryable = false,
        IReadOnlyCollection<object?>? details = null,
        TimeSpan? nextRetryDelay = null,
        ApplicationErrorCategory category = ApplicationErrorCategory.Unspecified)
        : base(message)
    {
        ErrorType = errorType;
        NonRetryable = nonRetryable;
        Details = new OutboundFailureDetails(details ?? []);
        NextRetryDelay = nextRetryDelay;
        Category = category;
    }

    public ApplicationFailureException(
        string message,
        Exception? inner,
        string? errorType = null,
        bool nonRetryable = false,
        IReadOnlyCollection<object?>? details = null,
        TimeSpan? nextRetryDelay = null,
        ApplicationErrorCategory category = ApplicationErrorCategory.Unspecified)
        : base(message, inner)
    {
        ErrorType = errorType;
        NonRetryable = nonRetryable;
        Details = new OutboundFailureDetails(details ?? []);
        NextRetryDelay = nextRetryDelay;
        Category = category;
    }

    protected internal ApplicationFailureException(Failure failure, Exception? inner, Converters.IPayloadConverter converter)
        : base(failure, inner)
    {
        var info = failure.ApplicationFailureInfo ?? throw new ArgumentException("failure has no application failure info", nameof(failure));
        ErrorType = info.Type.Length == 0 ? null : info.Type;
        NonRetryable = info.NonRetryable;
        Details = new InboundFailureDetails(converter, info.Details?.Payloads_);
        NextRetryDelay = info.NextRetryDelay?.ToTimeSpan();
        Category = info.Category;
    }

    public string? ErrorType { get; protected init; }

    public bool NonRetryable { get; protected init; }

    public IFailureDetails Details { get; protected init; }

    public TimeSpan? NextRetryDelay { get; protected init; }

    public ApplicationErrorCategory Category { get; protected init; }
}
