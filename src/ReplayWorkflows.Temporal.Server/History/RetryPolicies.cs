using Google.Protobuf.WellKnownTypes;
using Temporalio.Api.Common.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.Failure.V1;

namespace ReplayWorkflows.Temporal.Server.History;

/// <summary>Temporal's retry rules for activities and workflows: validation, defaults, and the exponential backoff decision.</summary>
internal static class RetryPolicies
{
    private static readonly TimeSpan DefaultInitialInterval = TimeSpan.FromSeconds(1);
    private const double DefaultCoefficient = 2.0;
    private const int DefaultMaximumIntervalFactor = 100;

    /// <summary>Why a retry policy is invalid (Temporal's rules), or null when it is valid.</summary>
    public static string? Problem(RetryPolicy? policy)
    {
        if (policy is null)
        {
            return null;
        }

        var initial = policy.InitialInterval?.ToTimeSpan() ?? TimeSpan.Zero;
        var maximum = policy.MaximumInterval?.ToTimeSpan() ?? TimeSpan.Zero;
        return true switch
        {
            _ when initial < TimeSpan.Zero => "InitialInterval cannot be negative on retry policy.",
            _ when policy.BackoffCoefficient != 0 && policy.BackoffCoefficient < 1 => "BackoffCoefficient cannot be less than 1 on retry policy.",
            _ when maximum < TimeSpan.Zero => "MaximumInterval cannot be negative on retry policy.",
            _ when maximum > TimeSpan.Zero && maximum < initial => "MaximumInterval cannot be less than InitialInterval on retry policy.",
            _ when policy.MaximumAttempts < 0 => "MaximumAttempts cannot be negative on retry policy.",
            _ when policy.NonRetryableErrorTypes.Any(string.IsNullOrEmpty) => "NonRetryableErrorTypes cannot contain empty strings on retry policy.",
            _ => null,
        };
    }

    /// <summary>Fills the unset fields of an activity's retry policy with the server defaults.</summary>
    public static RetryPolicy WithDefaults(RetryPolicy? policy)
    {
        var result = policy?.Clone() ?? new RetryPolicy();
        if (result.InitialInterval is null || result.InitialInterval.ToTimeSpan() <= TimeSpan.Zero)
        {
            result.InitialInterval = Duration.FromTimeSpan(DefaultInitialInterval);
        }

        if (result.BackoffCoefficient < 1)
        {
            result.BackoffCoefficient = DefaultCoefficient;
        }

        if (result.MaximumInterval is null || result.MaximumInterval.ToTimeSpan() <= TimeSpan.Zero)
        {
            result.MaximumInterval = Duration.FromTimeSpan(result.InitialInterval.ToTimeSpan() * DefaultMaximumIntervalFactor);
        }

        return result;
    }

    /// <summary>Decides what follows the failure of attempt <paramref name="attempt"/>.</summary>
    public static RetryDecision Decide(RetryPolicy policy, int attempt, Failure? failure, TimeoutType timeout, DateTimeOffset now, DateTimeOffset? expiration)
    {
        if (timeout is TimeoutType.ScheduleToStart or TimeoutType.ScheduleToClose)
        {
            return new RetryDecision(RetryState.Timeout, TimeSpan.Zero);
        }

        if (failure?.ApplicationFailureInfo is { } app
            && (app.NonRetryable || policy.NonRetryableErrorTypes.Contains(app.Type)))
        {
            return new RetryDecision(RetryState.NonRetryableFailure, TimeSpan.Zero);
        }

        if (failure?.CanceledFailureInfo is not null || failure?.TerminatedFailureInfo is not null)
        {
            return new RetryDecision(RetryState.NonRetryableFailure, TimeSpan.Zero);
        }

        if (policy.MaximumAttempts > 0 && attempt >= policy.MaximumAttempts)
        {
            return new RetryDecision(RetryState.MaximumAttemptsReached, TimeSpan.Zero);
        }

        var initial = policy.InitialInterval.ToTimeSpan();
        var maximum = policy.MaximumInterval?.ToTimeSpan() ?? TimeSpan.Zero;
        TimeSpan interval;
        if (failure?.ApplicationFailureInfo?.NextRetryDelay is { } next && next.ToTimeSpan() > TimeSpan.Zero)
        {
            interval = next.ToTimeSpan();
        }
        else
        {
            var seconds = initial.TotalSeconds * Math.Pow(policy.BackoffCoefficient, attempt - 1);
            interval = double.IsFinite(seconds) && seconds < TimeSpan.MaxValue.TotalSeconds / 2 ? TimeSpan.FromSeconds(seconds) : TimeSpan.MaxValue;
        }

        if (maximum > TimeSpan.Zero && (interval <= TimeSpan.Zero || interval > maximum))
        {
            interval = maximum;
        }

        if (expiration is { } deadline && now + interval > deadline)
        {
            return new RetryDecision(RetryState.Timeout, TimeSpan.Zero);
        }

        return new RetryDecision(RetryState.InProgress, interval);
    }
}
