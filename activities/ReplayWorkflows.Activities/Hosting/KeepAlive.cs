using Temporalio.Activities;

namespace ReplayWorkflows.Activities.Hosting;

/// <summary>
/// Heartbeats a long activity (a decode, an encode) in the background so a killed worker is noticed within the
/// heartbeat timeout instead of the much longer start-to-close timeout. The SDK throttles the actual sends.
/// </summary>
internal sealed class KeepAlive : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    private KeepAlive(ActivityExecutionContext context, Func<object?[]> details)
    {
        var every = context.Info.HeartbeatTimeout is { } timeout && timeout > TimeSpan.Zero ? timeout / 3 : TimeSpan.FromSeconds(10);
        loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(every);
            try
            {
                do
                {
                    context.Heartbeat(details());
                }
                while (await timer.WaitForNextTickAsync(stop.Token).ConfigureAwait(false));
            }
            catch (OperationCanceledException)
            {
                // Stopped: the work is done.
            }
        });
    }

    public static KeepAlive Start(params object?[] details) =>
        new(ActivityExecutionContext.Current, () => details);

    /// <summary>Heartbeats whatever <paramref name="details"/> returns at each beat (progress that moves on).</summary>
    public static KeepAlive Start(Func<object?[]> details) =>
        new(ActivityExecutionContext.Current, details);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        await loop.ConfigureAwait(false);
        stop.Dispose();
    }
}
