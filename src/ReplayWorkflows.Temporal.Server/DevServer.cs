using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ReplayWorkflows.Temporal.Api.Grpc;
using ReplayWorkflows.Temporal.Server.Frontend;
using ReplayWorkflows.Temporal.Server.History;
using ReplayWorkflows.Temporal.Server.Matching;
using ReplayWorkflows.Temporal.Server.Namespaces;
using ReplayWorkflows.Temporal.Server.Persistence;
using ReplayWorkflows.Temporal.Server.Timers;
using ReplayWorkflows.Temporal.Server.Visibility;

namespace ReplayWorkflows.Temporal.Server;

/// <summary>
/// The Temporal-compatible development server, embeddable in a process (tests, demos) or run by
/// <c>replay server start-dev</c>. Listens with gRPC over HTTP/2 cleartext.
/// </summary>
public sealed partial class DevServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly TimerQueue timers;
    private readonly IExecutionStore store;
    private readonly TaskCompletionSource<string?> stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private DevServer(WebApplication app, TimerQueue timers, IExecutionStore store, Uri address)
    {
        this.app = app;
        this.timers = timers;
        this.store = store;
        Address = address;
    }

    /// <summary>The Temporal server version whose API this server speaks.</summary>
    public static string ServerVersion => WorkflowServiceFrontend.ServerVersion;

    /// <summary>http://ip:port of the frontend.</summary>
    public Uri Address { get; }

    /// <summary><c>ip:port</c>, the form Temporal clients take.</summary>
    public string Target => $"{Address.Host}:{Address.Port}";

    public int Port => Address.Port;

    /// <summary>Completes when the server stops by itself (for example its database failed), with the reason.</summary>
    public Task<string?> Stopped => stopped.Task;

    public static async Task<DevServer> StartAsync(DevServerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!IPAddress.TryParse(options.Ip, out var ip))
        {
            throw new ArgumentException($"'{options.Ip}' is not an IP address", nameof(options));
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (options.LoggerProvider is { } provider)
        {
            builder.Logging.AddProvider(provider);
        }
        else
        {
            builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        }

        builder.Logging.SetMinimumLevel(options.LogLevel);

        // ASP.NET's per-request lines drown the server's own; show them only when debugging.
        builder.Logging.AddFilter("Microsoft", options.LogLevel <= LogLevel.Debug ? options.LogLevel : LogLevel.Warning);

        // A failed start (port taken) is reported once by the caller, not also as the host's stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", options.LogLevel <= LogLevel.Debug ? options.LogLevel : LogLevel.None);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Limits.MinRequestBodyDataRate = null;
            kestrel.Limits.Http2.MaxStreamsPerConnection = 1000;
            kestrel.Listen(ip, options.Port, listen => listen.Protocols = HttpProtocols.Http2);
        });
        var app = builder.Build();
        var loggerFactory = app.Services.GetRequiredService<ILoggerFactory>();
        var logger = loggerFactory.CreateLogger("ReplayWorkflows.Temporal.Server");
        var clock = TimeProvider.System;
        IExecutionStore store = string.IsNullOrEmpty(options.DbFilename)
            ? new InMemoryExecutionStore()
            : new SqliteExecutionStore(options.DbFilename, options.DbMaxPageCount);
        var timers = new TimerQueue(clock, loggerFactory.CreateLogger("ReplayWorkflows.Temporal.Server.Timers"));
        DevServer? server = null;
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        var engine = new HistoryEngine(new TaskQueueManager(), timers, store, clock, logger, ex =>
        {
            LogStoreFailed(logger, ex.Message);
            server?.stopped.TrySetResult("database error: " + ex.Message);
            lifetime.StopApplication();
        });
        var namespaces = new NamespaceRegistry(store);
        engine.SearchAttributeProblem = (ns, name) => SearchAttributeCatalog.ProblemSetting(namespaces.Get(ns), name);
        namespaces.Ensure(NamespaceRegistry.DefaultNamespace);
        foreach (var ns in options.Namespaces)
        {
            namespaces.Ensure(ns);
        }

        int recovered;
        try
        {
            recovered = engine.Recover(store.LoadRuns());
            var grpcOptions = new GrpcServerOptions();
            app.MapGrpcService(new WorkflowServiceFrontend(engine, namespaces, options, clock).Build(), grpcOptions);
            app.MapGrpcService(new OperatorServiceFrontend(namespaces).Build(), grpcOptions);
            app.MapGrpcUnimplementedFallback();
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Release the database file and the timer loop when the port is taken or recovery fails.
            await timers.DisposeAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
            store.Dispose();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new DevServer(app, timers, store, new Uri(address));
        lifetime.ApplicationStopping.Register(() => server.stopped.TrySetResult(null));
        LogStarted(logger, server.Target, options.DbFilename ?? "memory", recovered);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await timers.DisposeAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        store.Dispose();
        stopped.TrySetResult(null);
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Temporal dev server listening on {Target} (store: {Store}, {Runs} runs recovered)")]
    private static partial void LogStarted(ILogger logger, string target, string store, int runs);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Critical, Message = "Stopping: the database failed ({Reason})")]
    private static partial void LogStoreFailed(ILogger logger, string reason);
}
