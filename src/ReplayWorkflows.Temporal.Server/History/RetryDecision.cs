using Temporalio.Api.Enums.V1;

namespace ReplayWorkflows.Temporal.Server.History;

/// <summary>Whether a failed attempt is retried, and after how long.</summary>
internal readonly record struct RetryDecision(RetryState State, TimeSpan Backoff)
{
    public bool Retry => State == RetryState.InProgress;
}
