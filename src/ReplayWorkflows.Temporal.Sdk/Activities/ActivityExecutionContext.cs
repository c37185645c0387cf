using Microsoft.Extensions.Logging;

namespace Temporalio.Activities;

/// <summary>The context of the running activity, reachable from activity code as <see cref="Current"/>.</summary>
public class ActivityExecutionContext
{
    private static readonly AsyncLocal<ActivityExecutionContext?> CurrentContext = new();
    private readonly Action<object?[]> heartbeat;
    private readonly CancellationTokenSource cancel;

    internal ActivityExecutionContext(ActivityInfo info, CancellationTokenSource cancel, CancellationToken workerShutdownToken, Action<object?[]> heartbeat, ILogger logger)
    {
        Info = info;
        this.cancel = cancel;
        this.heartbeat = heartbeat;
        WorkerShutdownToken = workerShutdownToken;
        Logger = logger;
    }

    public static bool HasCurrent => CurrentContext.Value is not null;

    public static ActivityExecutionContext Current =>
        CurrentContext.Value ?? throw new InvalidOperationException("no activity context: this code is not running inside an activity");

    public ActivityInfo Info { get; }

    /// <summary>Fires on cancellation (delivered through heartbeats), timeout or worker shutdown; see <see cref="CancelReason"/>.</summary>
    public CancellationToken CancellationToken => cancel.Token;

    public ActivityCancelReason CancelReason { get; internal set; }

    public CancellationToken WorkerShutdownToken { get; }

    public ILogger Logger { get; }

    /// <summary>Records progress; throttled before it reaches the server. Cancellation arrives in the reply.</summary>
    public void Heartbeat(params object?[] details) => heartbeat(details);

    internal static void SetCurrent(ActivityExecutionContext? context) => CurrentContext.Value = context;

    internal void Cancel(ActivityCancelReason reason)
    {
        if (CancelReason == ActivityCancelReason.None)
        {
            CancelReason = reason;
        }

        try
        {
            cancel.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The activity already finished.
        }
    }
}
