using Temporalio.Api.Enums.V1;
using Temporalio.Api.Failure.V1;

namespace Temporalio.Exceptions;

/// <summary>An activity failed; the cause (InnerException) says how.</summary>
public class ActivityFailureException : FailureException
{
    protected internal ActivityFailureException(Failure failure, Exception? inner)
        : base(failure, inner)
    {
    }

    public new Failure Failure => base.Failure!;

    public string? Identity => Failure.ActivityFailureInfo.Identity.Length == 0 ? null : Failure.ActivityFailureInfo.Identity;

    public string ActivityType => Failure.ActivityFailureInfo.ActivityType.Name;

    public string ActivityId => Failure.ActivityFailureInfo.ActivityId;

    public RetryState RetryState => Failure.ActivityFailureInfo.RetryState;
}
