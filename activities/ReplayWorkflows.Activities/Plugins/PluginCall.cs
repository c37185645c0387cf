using System.Globalization;
using Temporalio.Exceptions;

namespace ReplayWorkflows.Activities.Plugins;

/// <summary>
/// Runs one synchronous plugin call (analyse, classify, label, optimize) so that neither a throw nor a hang can take
/// the worker down. A throw becomes a <c>PluginFailed</c> activity failure naming the plugin and what it worked on.
/// A call that does not return within the time limit is abandoned: the activity fails at once, non-retryable, as
/// <c>PluginHung</c> (a plugin is a computation over stored data, so a retry would hang the same way), and the worker
/// slot is free again. .NET cannot stop a thread, so the hung call keeps its own thread until the worker restarts;
/// it runs on a dedicated thread so it never starves the pool the worker polls with.
/// </summary>
internal static class PluginCall
{
    private static int abandoned;

    /// <summary>Calls abandoned by this worker process since it started.</summary>
    public static int Abandoned => Volatile.Read(ref abandoned);

    public static async Task<T> RunAsync<T>(string plugin, string subject, Func<T> call, TimeSpan limit, CancellationToken cancellationToken)
    {
        var work = Task.Factory.StartNew(call, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            return await work.WaitAsync(limit, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException) when (!work.IsCompleted)
        {
            var count = Interlocked.Increment(ref abandoned);

            // Whatever the abandoned call ends with later must not surface as an unobserved task exception.
            _ = work.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw new ApplicationFailureException(
                string.Create(CultureInfo.InvariantCulture,
                    $"{plugin} did not finish on {subject} within {limit.TotalSeconds:0.#} s and was abandoned; its thread runs on until the worker restarts ({count} abandoned in this worker). Fix the plugin, or raise PipelineOptions.PluginTimeLimit if it is only slow."),
                errorType: "PluginHung",
                nonRetryable: true);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new ApplicationFailureException($"{plugin} failed on {subject}: {ex.GetType().Name}: {ex.Message}", ex, errorType: "PluginFailed");
        }
    }

    /// <summary>
    /// The state a plugin hands to its next chunk, refused when larger than <paramref name="limitBytes"/>: it travels in
    /// workflow history, and an oversized payload there would stall the event instead of failing one chunk. The same
    /// input gives the same state, so the failure is not retried.
    /// </summary>
    public static string? CheckCarriedState(string plugin, string subject, string? state, int limitBytes)
    {
        var bytes = state is null ? 0 : System.Text.Encoding.UTF8.GetByteCount(state);
        return bytes <= limitBytes
            ? state
            : throw new ApplicationFailureException(
                string.Create(CultureInfo.InvariantCulture,
                    $"{plugin} returned {bytes} bytes of carried state on {subject}; the limit is {limitBytes} bytes (PipelineOptions.MaxCarriedStateBytes). Carry a summary, and keep bulky data in the plugin's results."),
                errorType: "PluginStateTooLarge",
                nonRetryable: true);
    }
}
