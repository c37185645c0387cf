using System.Diagnostics;
using System.Text.Json;
using ReplayWorkflows.Testing;
using Temporalio.Client;
using Temporalio.Worker;

namespace ReplayWorkflows.Temporal.Sdk.Tests;

/// <summary>Our SDK and the official TypeScript SDK sharing one server and task queues.</summary>
public sealed class InteropTests(DevServerFixture server) : IClassFixture<DevServerFixture>
{
    private static string Script => Path.Combine(AppContext.BaseDirectory, "node", "interop.js");

    [Fact]
    public async Task A_workflow_started_by_the_TypeScript_client_with_JSON_arguments_runs_on_our_worker()
    {
        var queue = DevServerFixture.NewId("interop");
        using var worker = new TemporalWorker(server.Client, new TemporalWorkerOptions(queue).AddWorkflow<GreetingWorkflow>().AddAllActivities(new TestActivities()));

        var result = await worker.ExecuteAsync(() => RunNodeAsync("start-dotnet-workflow", server.Target, queue, DevServerFixture.NewId("ts-start")));

        result.ShouldBe("Hello, TypeScript! Hello, TypeScript!");
    }

    [Fact]
    public async Task A_TypeScript_workflow_calls_our_activity_and_our_client_awaits_a_TypeScript_workflow()
    {
        var queue = DevServerFixture.NewId("interop");
        using var tsWorker = await StartTypeScriptWorkerAsync(queue);
        try
        {
            // Our worker only hosts activities, so the TS worker runs the workflows.
            using var worker = new TemporalWorker(server.Client, new TemporalWorkerOptions(queue).AddAllActivities(new TestActivities()));
            var viaActivity = await worker.ExecuteAsync(() => RunNodeAsync("run-ts-workflow", server.Target, queue, DevServerFixture.NewId("ts-wf")));
            viaActivity.ShouldBe("Hello, Grace! Hello, Grace!");

            var greeting = await server.Client.ExecuteWorkflowAsync<string>("TsGreeting", ["Ada"], new WorkflowOptions(DevServerFixture.NewId("dotnet-awaits-ts"), queue));
            greeting.ShouldBe("ts says hello to Ada");
        }
        finally
        {
            tsWorker.Kill(entireProcessTree: true);
            await tsWorker.WaitForExitAsync();
        }
    }

    private static async Task<string> RunNodeAsync(string mode, params string[] args)
    {
        await NodeTools.EnsureInstalledAsync();
        var result = await ProcessRunner.RunAsync("node", [Script, mode, .. args], RepoPaths.NodeTools, TimeSpan.FromMinutes(2),
            new Dictionary<string, string> { ["NODE_PATH"] = NodeTools.NodeModules });
        result.ExitCode.ShouldBe(0, result.StdErr);
        using var json = JsonDocument.Parse(result.StdOut.Trim().Split('\n')[^1]);
        return json.RootElement.GetProperty("result").GetString()!;
    }

    private async Task<Process> StartTypeScriptWorkerAsync(string queue)
    {
        await NodeTools.EnsureInstalledAsync();
        var process = NodeTools.StartNode(Script, ["worker", server.Target, queue], new Dictionary<string, string> { ["NODE_PATH"] = NodeTools.NodeModules });
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data == "READY") { ready.TrySetResult(); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (errors) { errors.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(ready.Task, exited, Task.Delay(TimeSpan.FromMinutes(2))) != ready.Task)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"TS worker did not start: {errors}");
        }

        return process;
    }
}
