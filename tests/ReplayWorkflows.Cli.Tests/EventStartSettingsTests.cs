using ReplayWorkflows.Testing;
using ReplayWorkflows.Workflows.Contracts;
using Temporalio.Api.Enums.V1;
using Temporalio.Converters;

namespace ReplayWorkflows.Cli.Tests;

/// <summary><c>replay event start</c>'s tuning options reach the event workflow's input.</summary>
public sealed class EventStartSettingsTests(WorkflowServerFixture server) : IClassFixture<WorkflowServerFixture>, IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("replay-event-settings-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public async Task Look_ahead_gap_timeout_continue_as_new_clip_hls_and_exports_are_the_workflows_settings()
    {
        var (id, output, input) = await StartAsync(
            "--look-ahead", "5", "--gap-timeout", "90s", "--continue-as-new-every", "20", "--clip-hls", "--export", "edl");

        output.ShouldContain($"event {id} started");
        input.EffectiveSettings.LookAhead.ShouldBe(5);
        input.EffectiveSettings.GapTimeoutMs.ShouldBe(90_000);
        input.EffectiveSettings.ContinueAsNewEvery.ShouldBe(20);
        input.EffectiveSettings.ClipHls.ShouldBeTrue();
        input.EffectiveSettings.ExportFormats.ShouldBe(["edl"]);
        await server.Client.GetWorkflowHandle(EventInput.WorkflowIdFor(id)).TerminateAsync("test done");
    }

    [Fact]
    public async Task Without_options_the_event_gets_the_default_settings()
    {
        var (id, _, input) = await StartAsync();

        input.EffectiveSettings.ShouldBe(EventSettings.Default with { Exports = null });
        await server.Client.GetWorkflowHandle(EventInput.WorkflowIdFor(id)).TerminateAsync("test done");
    }

    /// <summary>Starts an event (no worker runs it) and reads back the input its workflow was started with.</summary>
    private async Task<(string Id, string Output, EventInput Input)> StartAsync(params string[] options)
    {
        var profile = Path.Combine(RepoPaths.RepoRoot, "samples", "profiles", "generated-match.yaml");
        var id = WorkflowServerFixture.NewId("settings");
        var (code, output, error) = await RunAsync(
            ["event", "start", "--name", "Settings", "--id", id, "--profile", profile, "--source", "folder:" + dir,
            "--data-db", Path.Combine(dir, "replay.db"), "--address", server.Target, .. options]);
        code.ShouldBe(0, error);

        var history = await server.Client.GetWorkflowHandle(EventInput.WorkflowIdFor(id)).FetchHistoryAsync();
        var started = history.Events.First(e => e.EventType == EventType.WorkflowExecutionStarted).WorkflowExecutionStartedEventAttributes;
        return (id, output, (EventInput)DataConverter.Default.PayloadConverter.ToValue(started.Input.Payloads_[0], typeof(EventInput))!);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await ReplayCli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
