namespace ReplayWorkflows.Cli.Tests;

/// <summary><c>replay worker</c> refuses what it cannot poll before it connects anywhere.</summary>
public sealed class WorkerCommandTests
{
    [Fact]
    public async Task An_unknown_task_queue_is_one_error_line_listing_the_valid_names()
    {
        var (code, output, error) = await RunAsync("worker", "--task-queue", "bogus", "--address", "127.0.0.1:1");

        code.ShouldNotBe(0);
        output.ShouldBeEmpty();
        var lines = error.Trim().Split('\n');
        lines.Length.ShouldBe(1, error);
        lines[0].ShouldStartWith("error: unknown task queue 'bogus'");
        lines[0].ShouldContain("replay-events");
        lines[0].ShouldContain("replay-render");
    }

    [Fact]
    public async Task An_unknown_plugin_class_is_a_usage_error()
    {
        var (code, _, error) = await RunAsync("worker", "--plugin-class", "Renderer");

        code.ShouldBe(2);
        error.Trim().Split('\n').Length.ShouldBe(1);
        error.ShouldContain("replay worker --help");
    }

    [Fact]
    public async Task Help_describes_every_option()
    {
        var (code, output, _) = await RunAsync("worker", "--help");

        code.ShouldBe(0);
        foreach (var option in new[] { "--task-queue", "--plugin-class", "--storage", "--s3-endpoint", "--identity", "--address", "--data-db" })
        {
            output.ShouldContain(option);
        }
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await ReplayCli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
