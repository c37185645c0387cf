using Google.Protobuf.WellKnownTypes;
using ReplayWorkflows.Temporal.Server.History;
using Temporalio.Api.Common.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.Failure.V1;

namespace ReplayWorkflows.Temporal.Server.Tests;

public sealed class RetryPoliciesTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Failure AppFailure = new() { Message = "x", ApplicationFailureInfo = new ApplicationFailureInfo { Type = "Boom" } };

    [Fact]
    public void Defaults_are_one_second_doubling_capped_at_a_hundred_times_unlimited_attempts()
    {
        var policy = RetryPolicies.WithDefaults(null);
        policy.InitialInterval.ToTimeSpan().ShouldBe(TimeSpan.FromSeconds(1));
        policy.BackoffCoefficient.ShouldBe(2.0);
        policy.MaximumInterval.ToTimeSpan().ShouldBe(TimeSpan.FromSeconds(100));
        policy.MaximumAttempts.ShouldBe(0);
        var waits = Enumerable.Range(1, 10).Select(n => RetryPolicies.Decide(policy, n, AppFailure, TimeoutType.Unspecified, Now, null).Backoff.TotalSeconds);
        waits.ShouldBe([1, 2, 4, 8, 16, 32, 64, 100, 100, 100]);
    }

    [Fact]
    public void Maximum_attempts_stop_retries()
    {
        var policy = RetryPolicies.WithDefaults(new RetryPolicy { MaximumAttempts = 3 });
        RetryPolicies.Decide(policy, 2, AppFailure, TimeoutType.Unspecified, Now, null).Retry.ShouldBeTrue();
        RetryPolicies.Decide(policy, 3, AppFailure, TimeoutType.Unspecified, Now, null).State.ShouldBe(RetryState.MaximumAttemptsReached);
    }

    [Fact]
    public void Non_retryable_flag_or_type_stops_retries()
    {
        var policy = RetryPolicies.WithDefaults(new RetryPolicy { NonRetryableErrorTypes = { "Boom" } });
        RetryPolicies.Decide(policy, 1, AppFailure, TimeoutType.Unspecified, Now, null).State.ShouldBe(RetryState.NonRetryableFailure);
        var flagged = new Failure { ApplicationFailureInfo = new ApplicationFailureInfo { Type = "Other", NonRetryable = true } };
        RetryPolicies.Decide(RetryPolicies.WithDefaults(null), 1, flagged, TimeoutType.Unspecified, Now, null).State.ShouldBe(RetryState.NonRetryableFailure);
    }

    [Fact]
    public void No_retry_when_the_backoff_would_pass_schedule_to_close()
    {
        var policy = RetryPolicies.WithDefaults(new RetryPolicy { InitialInterval = Duration.FromTimeSpan(TimeSpan.FromSeconds(10)) });
        RetryPolicies.Decide(policy, 1, AppFailure, TimeoutType.Unspecified, Now, Now.AddSeconds(5)).State.ShouldBe(RetryState.Timeout);
    }

    [Fact]
    public void Schedule_timeouts_are_never_retried_but_start_to_close_is()
    {
        var policy = RetryPolicies.WithDefaults(null);
        RetryPolicies.Decide(policy, 1, null, TimeoutType.ScheduleToStart, Now, null).Retry.ShouldBeFalse();
        RetryPolicies.Decide(policy, 1, null, TimeoutType.ScheduleToClose, Now, null).Retry.ShouldBeFalse();
        RetryPolicies.Decide(policy, 1, null, TimeoutType.StartToClose, Now, null).Retry.ShouldBeTrue();
    }

    [Fact]
    public void Next_retry_delay_from_the_failure_wins_but_is_capped()
    {
        var policy = RetryPolicies.WithDefaults(new RetryPolicy { MaximumInterval = Duration.FromTimeSpan(TimeSpan.FromSeconds(30)) });
        var failure = new Failure { ApplicationFailureInfo = new ApplicationFailureInfo { NextRetryDelay = Duration.FromTimeSpan(TimeSpan.FromMinutes(5)) } };
        RetryPolicies.Decide(policy, 1, failure, TimeoutType.Unspecified, Now, null).Backoff.ShouldBe(TimeSpan.FromSeconds(30));
    }
}
