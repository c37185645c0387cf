using ReplayWorkflows.Temporal.Server;
using ReplayWorkflows.Testing;
using Temporalio.Api.Enums.V1;
using Temporalio.Client;
using Temporalio.Worker;

namespace ReplayWorkflows.Temporal.Sdk.Tests;

/// <summary>A worker outliving its server, a file-backed server resuming, graceful shutdown and a replaced worker.</summary>
public sealed class WorkerLifecycleTests
{
    [Fact]
    public async Task A_worker_keeps_polling_through_a_server_restart_and_the_workflow_resumes_from_the_file()
    {
        var folder = Directory.CreateTempSubdirectory("rw-sdk-restart-").FullName;
        try
        {
            var options = new DevServerOptions { Port = 0, DbFilename = Path.Combine(folder, "temporal.db") };
            var server = await DevServer.StartAsync(options);
            var port = int.Parse(server.Target.Split(':')[^1], System.Globalization.CultureInfo.InvariantCulture);
            var client = await TemporalClient.ConnectAsync(new TemporalClientConnectOptions(server.Target));
            var queue = DevServerFixture.NewId("restart");
            using var worker = new TemporalWorker(client, new TemporalWorkerOptions(queue).AddAllActivities(new TestActivities()).AddWorkflow<CounterWorkflow>());
            using var stop = new CancellationTokenSource();
            var running = worker.ExecuteAsync(stop.Token);
            try
            {
                var handle = await client.StartWorkflowAsync((CounterWorkflow w) => w.RunAsync(0), new WorkflowOptions(DevServerFixture.NewId("survivor"), queue));
                await handle.SignalAsync(w => w.AddAsync("before"));
                await Eventually.ReturnsAsync(() => handle.QueryAsync(w => w.Count), c => c == 1, what: "the first signal applied");

                // The server goes away; the worker's polls fail and back off. Then it comes back on its file and port.
                await server.DisposeAsync();
                await Task.Delay(1500);
                running.IsCompleted.ShouldBeFalse("the worker rides out the outage");
                server = await DevServer.StartAsync(new DevServerOptions { Port = port, DbFilename = options.DbFilename });

                await handle.SignalAsync(w => w.AddAsync("after"));
                await handle.SignalAsync(w => w.FinishAsync());
                (await handle.GetResultAsync().WaitAsync(TimeSpan.FromSeconds(60))).ShouldBe("before,after");
            }
            finally
            {
                await stop.CancelAsync();
                await running.WaitAsync(TimeSpan.FromSeconds(30));
                await server.DisposeAsync();
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Graceful_shutdown_lets_a_running_activity_finish_and_another_worker_completes_the_workflow()
    {
        await using var server = await DevServer.StartAsync(new DevServerOptions { Port = 0 });
        var client = await TemporalClient.ConnectAsync(new TemporalClientConnectOptions(server.Target));
        var queue = DevServerFixture.NewId("graceful");
        var handle = await client.StartWorkflowAsync((SleepingWorkflow w) => w.RunAsync(1500), new WorkflowOptions(DevServerFixture.NewId("graceful"), queue));

        using (var first = new TemporalWorker(client, NewOptions(queue, TimeSpan.FromSeconds(20))))
        {
            using var stop = new CancellationTokenSource();
            var running = first.ExecuteAsync(stop.Token);
            await Eventually.ReturnsAsync(() => handle.FetchHistoryAsync(), h => h.Events.Any(e => e.EventType == EventType.ActivityTaskStarted), what: "the activity started");
            await stop.CancelAsync();
            await running.WaitAsync(TimeSpan.FromSeconds(30));
        }

        // The first worker stopped only after its activity had finished and reported (a workflow task its last poll
        // picked up may have completed the workflow too).
        var history = await handle.FetchHistoryAsync();
        history.Events.ShouldContain(e => e.EventType == EventType.ActivityTaskCompleted);
        history.Events.ShouldNotContain(e => e.EventType == EventType.ActivityTaskFailed || e.EventType == EventType.ActivityTaskTimedOut);

        // A replacement worker (new process in real life, new instance here) rebuilds the workflow from history if needed.
        using var second = new TemporalWorker(client, NewOptions(queue, TimeSpan.Zero));
        (await second.ExecuteAsync(() => handle.GetResultAsync())).ShouldBe(1500);
    }

    private static TemporalWorkerOptions NewOptions(string queue, TimeSpan grace) =>
        new TemporalWorkerOptions(queue) { GracefulShutdownTimeout = grace }.AddAllActivities(new SlowActivities()).AddWorkflow<SleepingWorkflow>();
}
