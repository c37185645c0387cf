using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ReplayWorkflows.Data;
using ReplayWorkflows.Plugins;
using ReplayWorkflows.Workflows.Contracts;
using Temporalio.Client;

namespace ReplayWorkflows.Activities.Hosting;

/// <summary>
/// One pipeline deployment in this process, against a Temporal-compatible server already listening at a target: the
/// client, the data plane, the pipeline's options and any number of worker sets (one per identity, all queues or
/// some). <c>replay demo</c>, the end-to-end tests and the benchmark all run the pipeline this way. Disposing stops
/// the workers, then closes the data plane.
/// </summary>
public sealed class PipelineHost : IAsyncDisposable
{
    private readonly List<(CancellationTokenSource Stop, Task Run)> workers = [];

    private PipelineHost(IDataPlane data, ITemporalClient client, PipelineOptions options, ILoggerFactory loggerFactory)
    {
        Data = data;
        Client = client;
        Options = options;
        LoggerFactory = loggerFactory;
        Pipeline = new PipelineClient(client, data);
    }

    public IDataPlane Data { get; }

    public ITemporalClient Client { get; }

    public PipelineOptions Options { get; }

    public ILoggerFactory LoggerFactory { get; }

    public PipelineClient Pipeline { get; }

    /// <summary>Connects to <paramref name="target"/> and opens the data plane; no worker runs until <see cref="StartWorkers"/>.</summary>
    public static async Task<PipelineHost> StartAsync(
        string target, DataPlaneOptions dataPlane, PipelineOptions options, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(target);
        var logs = loggerFactory ?? NullLoggerFactory.Instance;
        var data = await DataPlaneFactory.OpenAsync(dataPlane, logs, cancellationToken).ConfigureAwait(false);
        try
        {
            var client = await TemporalClient.ConnectAsync(new TemporalClientConnectOptions(target) { LoggerFactory = logs }).ConfigureAwait(false);
            return new PipelineHost(data, client, options, logs);
        }
        catch
        {
            await data.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Starts workers for <paramref name="queues"/> (all by default) under <paramref name="identity"/>; they run until disposal.</summary>
    public PipelineServices StartWorkers(string identity, IEnumerable<string>? queues = null, BuiltInPluginHost? plugins = null)
    {
        var services = new PipelineServices(Data, Client, Options, LoggerFactory, plugins: plugins);
        var stop = new CancellationTokenSource();
        workers.Add((stop, PipelineWorkers.RunAsync(services, queues ?? TaskQueues.All, stop.Token, identity)));
        return services;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (stop, run) in workers)
        {
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                // Workers give in-flight tasks their graceful shutdown time; past this, the process is ending anyway.
                await run.WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
            {
                // Shutting down.
            }

            stop.Dispose();
        }

        workers.Clear();
        await Data.DisposeAsync().ConfigureAwait(false);
    }
}
