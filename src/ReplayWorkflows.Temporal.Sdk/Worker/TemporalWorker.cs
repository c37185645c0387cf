using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Temporalio.Client;

namespace Temporalio.Worker;

/// <summary>Runs the workflows and activities of one task queue until stopped.</summary>
public class TemporalWorker : IDisposable
{
    private readonly TemporalClient client;
    private readonly ActivityWorker? activityWorker;
    private readonly WorkflowWorker? workflowWorker;
    private readonly ILogger logger;
    private int started;

    public TemporalWorker(ITemporalClient client, TemporalWorkerOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        this.client = client as TemporalClient ?? throw new ArgumentException("the worker needs a TemporalClient", nameof(client));
        if (string.IsNullOrEmpty(options.TaskQueue))
        {
            throw new ArgumentException("TemporalWorkerOptions.TaskQueue is required");
        }

        if (options.Activities.Count == 0 && options.Workflows.Count == 0)
        {
            throw new ArgumentException("a worker needs at least one workflow or activity");
        }

        Options = options;
        logger = (options.LoggerFactory ?? client.Options.LoggerFactory).CreateLogger("Temporalio.Worker");
        var identity = options.Identity ?? client.Connection.Options.Identity ?? TemporalClient.DefaultIdentity;
        activityWorker = options.Activities.Count > 0 ? new ActivityWorker(this.client, options, identity, logger) : null;
        workflowWorker = options.Workflows.Count > 0 ? new WorkflowWorker(this.client, options, identity, logger) : null;
    }

    public TemporalWorkerOptions Options { get; }

    /// <summary>Polls and runs tasks until <paramref name="stoppingToken"/> fires, then shuts down gracefully.</summary>
    public async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Interlocked.Exchange(ref started, 1) == 1)
        {
            throw new InvalidOperationException("a worker can be executed only once");
        }

        using var shutdown = new CancellationTokenSource();
        var runs = new List<Task>();
        if (activityWorker is not null)
        {
            runs.Add(activityWorker.RunAsync(stoppingToken, shutdown.Token));
        }

        if (workflowWorker is not null)
        {
            runs.Add(workflowWorker.RunAsync(stoppingToken));
        }

        try
        {
            await Task.WhenAll(runs).ConfigureAwait(false);
        }
        finally
        {
            if (activityWorker is not null)
            {
                await activityWorker.DrainAsync(Options.GracefulShutdownTimeout).ConfigureAwait(false);
            }

            await shutdown.CancelAsync().ConfigureAwait(false);
            try
            {
                await client.WorkflowService.ShutdownWorkerAsync(new Api.WorkflowService.V1.ShutdownWorkerRequest
                {
                    Namespace = client.Options.Namespace,
                    Identity = Options.Identity ?? TemporalClient.DefaultIdentity,
                    Reason = "graceful shutdown",
                }, new RpcOptions { Timeout = TimeSpan.FromSeconds(5), Retry = false }).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is Exceptions.RpcException or Exceptions.RpcTimeoutOrCanceledException)
            {
                // Best effort: a server without sticky queues has nothing to clean up.
                logger.LogDebug(ex, "ShutdownWorker was not accepted");
            }
        }
    }

    /// <summary>Runs the worker while <paramref name="untilComplete"/> runs, then stops it.</summary>
    public async Task ExecuteAsync(Func<Task> untilComplete, CancellationToken stoppingToken = default) =>
        await ExecuteAsync(async () =>
        {
            await untilComplete().ConfigureAwait(false);
            return 0;
        }, stoppingToken).ConfigureAwait(false);

    public async Task<TResult> ExecuteAsync<TResult>(Func<Task<TResult>> untilComplete, CancellationToken stoppingToken = default)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var worker = ExecuteAsync(stop.Token);
        try
        {
            var done = await Task.WhenAny(worker, untilComplete()).ConfigureAwait(false);
            if (done == worker)
            {
                await worker.ConfigureAwait(false);
                throw new InvalidOperationException("the worker stopped before the function completed");
            }

            return await ((Task<TResult>)done).ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await worker.ConfigureAwait(false);
        }
    }

    public void Dispose() => GC.SuppressFinalize(this);
}
