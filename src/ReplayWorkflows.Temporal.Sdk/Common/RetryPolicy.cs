using Google.Protobuf.WellKnownTypes;

namespace Temporalio.Common;

/// <summary>How an activity or workflow is retried. Unset fields take the server's defaults.</summary>
public record RetryPolicy
{
    /// <summary>Backoff before the first retry (default 1 s).</summary>
    public TimeSpan InitialInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Multiplier of the backoff after each retry (default 2.0).</summary>
    public float BackoffCoefficient { get; set; } = 2.0F;

    /// <summary>Cap on the backoff; null means 100 times the initial interval.</summary>
    public TimeSpan? MaximumInterval { get; set; }

    /// <summary>Total attempts, the first included; 0 means unlimited and 1 means no retries.</summary>
    public int MaximumAttempts { get; set; }

    /// <summary>Error types (ApplicationFailureException.ErrorType or exception class names) that are never retried.</summary>
    public IReadOnlyCollection<string>? NonRetryableErrorTypes { get; set; }

    internal Api.Common.V1.RetryPolicy ToProto()
    {
        var proto = new Api.Common.V1.RetryPolicy
        {
            InitialInterval = Duration.FromTimeSpan(InitialInterval),
            BackoffCoefficient = BackoffCoefficient,
            MaximumAttempts = MaximumAttempts,
        };
        if (MaximumInterval is { } max)
        {
            proto.MaximumInterval = Duration.FromTimeSpan(max);
        }

        if (NonRetryableErrorTypes is not null)
        {
            proto.NonRetryableErrorTypes.AddRange(NonRetryableErrorTypes);
        }

        return proto;
    }

    internal static RetryPolicy FromProto(Api.Common.V1.RetryPolicy proto) => new()
    {
        InitialInterval = proto.InitialInterval?.ToTimeSpan() ?? TimeSpan.FromSeconds(1),
        BackoffCoefficient = proto.BackoffCoefficient == 0 ? 2.0F : (float)proto.BackoffCoefficient,
        MaximumInterval = proto.MaximumInterval?.ToTimeSpan(),
        MaximumAttempts = proto.MaximumAttempts,
        NonRetryableErrorTypes = proto.NonRetryableErrorTypes.Count == 0 ? null : proto.NonRetryableErrorTypes.ToList(),
    };
}
