using Temporalio.Api.Enums.V1;
using Temporalio.Api.Failure.V1;

namespace Temporalio.Exceptions;

/// <summary>A timeout (start-to-close, schedule-to-start, schedule-to-close or heartbeat).</summary>
public class TimeoutFailureException : FailureException
{
    protected internal TimeoutFailureException(Failure failure, Exception? inner, Converters.IPayloadConverter converter)
        : base(failure, inner)
    {
        LastHeartbeatDetails = new InboundFailureDetails(converter, failure.TimeoutFailureInfo?.LastHeartbeatDetails?.Payloads_);
    }

    public new Failure Failure => base.Failure!;

    public TimeoutType TimeoutType => Failure.TimeoutFailureInfo.TimeoutType;

    public InboundFailureDetails LastHeartbeatDetails { get; protected init; }
}
