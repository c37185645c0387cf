using System.Text.Json;
using ReplayWorkflows.Testing;
using Temporalio.Client;
using Temporalio.Worker;

namespace ReplayWorkflows.Cli.Tests;

/// <summary><c>replay workflow ...</c> against a real in-process dev server with a real worker of our SDK.</summary>
public sealed class WorkflowCommandTests(WorkflowServerFixture server) : IClassFixture<WorkflowServerFixture>
{
    [Fact]
    public async Task List_count_describe_and_show_find_a_running_workflow()
    {
        await WithWorkerAsync(async (client, queue) =>
        {
            var id = WorkflowServerFixture.NewId("list");
            var handle = await client.StartWorkflowAsync((ChecklistWorkflow w) => w.RunAsync("match day"), new WorkflowOptions(id, queue));
            await Eventually.ReturnsAsync(() => client.CountWorkflowsAsync($"WorkflowId = '{id}'"), c => c.Count == 1, what: "visible");

            var (code, output, error) = await Cli("workflow", "list");
            code.ShouldBe(0, error);
            var header = CliRun.Lines(output)[0];
            header.ShouldStartWith("WORKFLOW ID");
            header.ShouldContain("RUN ID");
            header.ShouldContain("START TIME");
            var row = CliRun.Lines(output).Single(l => l.StartsWith(id, StringComparison.Ordinal));
            row.ShouldContain(handle.ResultRunId!);
            row.ShouldContain("ChecklistWorkflow");
            row.ShouldContain("Running");

            (code, output, error) = await Cli("workflow", "list", "--query", $"WorkflowId = '{id}'", "--limit", "5", "-o", "json");
            code.ShouldBe(0, error);
            using (var listed = JsonDocument.Parse(output))
            {
                var only = listed.RootElement.EnumerateArray().ShouldHaveSingleItem();
                only.GetProperty("workflowId").GetString().ShouldBe(id);
                only.GetProperty("type").GetString().ShouldBe("ChecklistWorkflow");
                only.GetProperty("status").GetString().ShouldBe("Running");
                only.GetProperty("taskQueue").GetString().ShouldBe(queue);
            }

            (code, output, error) = await Cli("workflow", "count", "--query", $"WorkflowId = '{id}'");
            code.ShouldBe(0, error);
            output.Trim().ShouldBe("Total: 1");

            (code, output, error) = await Cli("workflow", "describe", "-w", id);
            code.ShouldBe(0, error);
            output.ShouldContain($"WorkflowId     {id}");
            output.ShouldMatch(@"(?m)^\s+Status\s+Running$");
            output.ShouldMatch($@"(?m)^\s+TaskQueue\s+{queue}$");
            output.ShouldMatch(@"(?m)^\s+CloseTime\s+-$");
            output.ShouldContain("Pending activities: 0");
            output.ShouldContain("Pending child workflows: 0");

            (code, output, error) = await Cli("workflow", "describe", "-w", id, "-r", handle.ResultRunId!, "-o", "json");
            code.ShouldBe(0, error);
            using (var described = JsonDocument.Parse(output))
            {
                var info = described.RootElement.GetProperty("workflowExecutionInfo");
                info.GetProperty("status").GetString().ShouldBe("WORKFLOW_EXECUTION_STATUS_RUNNING");
                info.GetProperty("type").GetProperty("name").GetString().ShouldBe("ChecklistWorkflow");
            }

            (code, output, error) = await Cli("workflow", "show", "-w", id);
            code.ShouldBe(0, error);
            var lines = CliRun.Lines(output);
            lines[0].ShouldStartWith("ID");
            var started = lines[1];
            started.ShouldStartWith("1 ");
            started.ShouldContain("WorkflowExecutionStarted");
            started.ShouldContain("workflowType=ChecklistWorkflow");
            started.ShouldContain($"taskQueue={queue}");
            started.ShouldContain("input=[\"match day\"]");
            output.ShouldContain("WorkflowTaskCompleted");

            (code, output, error) = await Cli("workflow", "show", "-w", id, "--output", "json");
            code.ShouldBe(0, error);
            using (var history = JsonDocument.Parse(output))
            {
                var first = history.RootElement.GetProperty("events")[0];
                first.GetProperty("eventType").GetString().ShouldBe("EVENT_TYPE_WORKFLOW_EXECUTION_STARTED");
            }

            await handle.SignalAsync(w => w.FinishAsync());
            await handle.GetResultAsync();
        });
    }

    [Fact]
    public async Task A_signal_changes_the_state_a_query_reads()
    {
        await WithWorkerAsync(async (client, queue) =>
        {
            var id = WorkflowServerFixture.NewId("signal");
            var handle = await client.StartWorkflowAsync((ChecklistWorkflow w) => w.RunAsync("final"), new WorkflowOptions(id, queue));

            var (code, output, error) = await Cli("workflow", "query", "-w", id, "--type", "Items");
            code.ShouldBe(0, error);
            JsonDocument.Parse(output).RootElement.GetArrayLength().ShouldBe(0);

            (code, output, error) = await Cli("workflow", "signal", "-w", id, "--name", "Add", "--input", "\"kickoff\"");
            code.ShouldBe(0, error);
            output.Trim().ShouldBe($"Signal Add sent to workflow {id}");

            // Two arguments: --input repeated, each one JSON value.
            (code, _, error) = await Cli("workflow", "signal", "-w", id, "--name", "AddTimes", "--input", "\"goal\"", "--input", "2");
            code.ShouldBe(0, error);

            var items = await Eventually.ReturnsAsync(
                async () => (await Cli("workflow", "query", "-w", id, "--type", "Items", "-o", "json")).Output,
                o => o.Contains("goal", StringComparison.Ordinal),
                what: "signals applied");
            using (var result = JsonDocument.Parse(items))
            {
                result.RootElement.GetProperty("queryType").GetString().ShouldBe("Items");
                result.RootElement.GetProperty("result").EnumerateArray().Select(e => e.GetString()).ShouldBe(["kickoff", "goal", "goal"]);
            }

            (code, output, error) = await Cli("workflow", "query", "-w", id, "--type", "ItemAt", "--input", "1");
            code.ShouldBe(0, error);
            output.Trim().ShouldBe("\"goal\"");

            (code, _, error) = await Cli("workflow", "signal", "-w", id, "--name", "Finish");
            code.ShouldBe(0, error);
            (await handle.GetResultAsync()).ShouldBe("final: kickoff,goal,goal");

            (code, output, error) = await Cli("workflow", "describe", "-w", id);
            code.ShouldBe(0, error);
            output.ShouldMatch(@"(?m)^\s+Status\s+Completed$");
            output.ShouldNotMatch(@"(?m)^\s+CloseTime\s+-$");
        });
    }

    [Fact]
    public async Task Cancel_and_terminate_close_workflows()
    {
        await WithWorkerAsync(async (client, queue) =>
        {
            var cancelled = WorkflowServerFixture.NewId("cancel");
            var terminated = WorkflowServerFixture.NewId("terminate");
            await client.StartWorkflowAsync((ChecklistWorkflow w) => w.RunAsync("a"), new WorkflowOptions(cancelled, queue));
            await client.StartWorkflowAsync((ChecklistWorkflow w) => w.RunAsync("b"), new WorkflowOptions(terminated, queue));

            var (code, output, error) = await Cli("workflow", "cancel", "-w", cancelled);
            code.ShouldBe(0, error);
            output.Trim().ShouldBe($"Cancellation requested for workflow {cancelled}");
            await Eventually.ReturnsAsync(
                async () => (await Cli("workflow", "describe", "-w", cancelled)).Output,
                o => System.Text.RegularExpressions.Regex.IsMatch(o, @"(?m)^\s+Status\s+Canceled$"),
                what: "cancelled status");

            (code, output, error) = await Cli("workflow", "terminate", "-w", terminated, "--reason", "operator said so");
            code.ShouldBe(0, error);
            output.Trim().ShouldBe($"Workflow {terminated} terminated");
            (code, output, error) = await Cli("workflow", "describe", "-w", terminated);
            code.ShouldBe(0, error);
            output.ShouldMatch(@"(?m)^\s+Status\s+Terminated$");
            (code, output, error) = await Cli("workflow", "show", "-w", terminated);
            code.ShouldBe(0, error);
            CliRun.Lines(output)[^1].ShouldContain("WorkflowExecutionTerminated");
            CliRun.Lines(output)[^1].ShouldContain("reason=operator said so");

            (code, output, error) = await Cli("workflow", "list", "--query", $"ExecutionStatus = 'Terminated' AND WorkflowId = '{terminated}'");
            code.ShouldBe(0, error);
            CliRun.Lines(output).Length.ShouldBe(2);
            output.ShouldContain("Terminated");

            // A closed workflow cannot be terminated again: one line, exit 1.
            (code, output, error) = await Cli("workflow", "terminate", "-w", terminated);
            code.ShouldBe(1);
            output.ShouldBeEmpty();
            CliRun.Lines(error).ShouldHaveSingleItem().ShouldStartWith($"error: cannot terminate workflow {terminated}");
        });
    }

    [Theory]
    [InlineData("describe")]
    [InlineData("show")]
    [InlineData("signal", "--name", "Add", "--input", "\"x\"")]
    [InlineData("query", "--type", "Items")]
    [InlineData("cancel")]
    [InlineData("terminate", "--reason", "none")]
    public async Task An_unknown_workflow_is_one_line_naming_it(string verb, params string[] more)
    {
        var id = WorkflowServerFixture.NewId("missing");
        var (code, output, error) = await Cli(["workflow", verb, "-w", id, .. more]);

        code.ShouldBe(1);
        output.ShouldBeEmpty();
        CliRun.Lines(error).ShouldHaveSingleItem().ShouldBe($"error: workflow {id} not found in namespace default");
    }

    [Fact]
    public async Task Input_that_is_not_json_is_a_usage_error()
    {
        var (code, output, error) = await Cli("workflow", "signal", "-w", "any", "--name", "Add", "--input", "kickoff");

        code.ShouldBe(2);
        output.ShouldBeEmpty();
        CliRun.Lines(error).ShouldHaveSingleItem().ShouldStartWith("error: --input is not valid JSON");
    }

    [Fact]
    public async Task The_workflow_id_is_required()
    {
        var (code, _, error) = await Cli("workflow", "describe");

        code.ShouldBe(2);
        CliRun.Lines(error).ShouldHaveSingleItem().ShouldEndWith("(see 'replay workflow describe --help')");
    }

    private Task<(int Code, string Output, string Error)> Cli(params string[] args) =>
        CliRun.RunAsync([.. args, "--address", server.Target]);

    private async Task WithWorkerAsync(Func<TemporalClient, string, Task> test)
    {
        var queue = WorkflowServerFixture.NewId("cli");
        using var worker = new TemporalWorker(server.Client, new TemporalWorkerOptions(queue).AddWorkflow<ChecklistWorkflow>());
        await worker.ExecuteAsync(() => test(server.Client, queue));
    }
}
