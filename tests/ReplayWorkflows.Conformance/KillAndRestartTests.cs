namespace ReplayWorkflows.Conformance;

/// <summary>The server started through the CLI with a database file survives kill -9 mid-workflow.</summary>
public sealed class KillAndRestartTests
{
    [Fact]
    public async Task Workflow_mid_timer_completes_after_kill_9_and_restart_on_the_same_file()
    {
        var db = CliServerProcess.TempDatabase();
        Directory.CreateDirectory(Path.GetDirectoryName(db)!);
        var workflowId = $"kill-{Guid.NewGuid():N}";
        var taskQueue = $"kill-queue-{Guid.NewGuid():N}";
        try
        {
            using (var first = await CliServerProcess.StartAsync(db))
            {
                var start = await ScenarioRunner.RunAsync(first.Target, "kill-restart", "start", workflowId, taskQueue);
                start.ShouldPass("kill-restart start");
                first.KillHard();
            }

            using var second = await CliServerProcess.StartAsync(db);
            var finish = await ScenarioRunner.RunAsync(second.Target, "kill-restart", "finish", workflowId, taskQueue);
            finish.ShouldPass("kill-restart finish");
        }
        finally
        {
            foreach (var file in new[] { db, db + "-wal", db + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
}
