namespace ReplayWorkflows.Cli.Tests;

/// <summary><c>replay event</c> errors that need no server: profiles, sources, durations, unknown events.</summary>
public sealed class EventCommandTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("replay-event-cli-").FullName;

    private string Db => Path.Combine(dir, "replay.db");

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public async Task A_broken_profile_file_prints_its_problem_lines_and_starts_nothing()
    {
        var profile = Path.Combine(dir, "broken.yaml");
        await File.WriteAllTextAsync(profile, "name: broken\nchunkSizeSeconds: 10\nclassifier:\n  plugin: NoSuchPlugin\n");

        var (code, output, error) = await RunAsync(
            "event", "start", "--name", "Broken", "--profile", profile, "--source", "folder:" + dir, "--data-db", Db, "--address", "127.0.0.1:1");

        code.ShouldNotBe(0);
        output.ShouldBeEmpty();
        error.ShouldContain("broken.yaml:");
        error.ShouldContain("NoSuchPlugin");
        error.Trim().Split('\n')[^1].ShouldStartWith("error: profile ");
        error.ShouldContain("the event was not started");
    }

    [Fact]
    public async Task A_missing_profile_file_is_one_line()
    {
        var (code, _, error) = await RunAsync(
            "event", "start", "--name", "Missing", "--profile", Path.Combine(dir, "nope.yaml"), "--source", "folder:" + dir, "--data-db", Db);

        code.ShouldBe(1);
        error.Trim().ShouldBe($"error: profile file {Path.Combine(dir, "nope.yaml")} does not exist");
    }

    [Fact]
    public async Task An_unknown_stored_profile_points_at_profile_apply()
    {
        var (code, _, error) = await RunAsync("event", "start", "--name", "X", "--profile", "no-such-profile", "--source", "folder:" + dir, "--data-db", Db);

        code.ShouldBe(1);
        error.ShouldContain("replay profile apply");
        error.Trim().Split('\n').Length.ShouldBe(1);
    }

    [Theory]
    [InlineData("--source", "rtmp://host/live", "is not folder:PATH")]
    [InlineData("--duration", "90", "is not a duration")]
    [InlineData("--start", "tomorrow", "is not an ISO 8601 time")]
    [InlineData("--audio-track", "21", "outside 1-20")]
    [InlineData("--look-ahead", "0", "--look-ahead 0 is outside 1-32")]
    [InlineData("--gap-timeout", "soon", "is not a duration")]
    [InlineData("--gap-timeout", "0s", "must be positive")]
    [InlineData("--export", "pdf", "pdf")]
    public async Task Bad_values_are_usage_errors_on_one_line(string option, string value, string message)
    {
        var args = new List<string> { "event", "start", "--name", "X", "--profile", "p", "--source", "folder:" + dir };
        var at = args.IndexOf(option);
        if (at >= 0)
        {
            args[at + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        var (code, _, error) = await RunAsync([.. args]);

        code.ShouldBe(2);
        var lines = error.Trim().Split('\n');
        lines.Length.ShouldBe(1, error);
        lines[0].ShouldContain(message);
        lines[0].ShouldEndWith("(see 'replay event start --help')");
    }

    [Fact]
    public async Task Showing_an_unknown_event_is_one_line()
    {
        var (code, _, error) = await RunAsync("event", "show", "nope", "--data-db", Db);

        code.ShouldBe(1);
        error.Trim().ShouldStartWith("error: event nope not found");
    }

    [Fact]
    public async Task An_empty_data_plane_lists_no_events()
    {
        var (code, output, _) = await RunAsync("event", "list", "--data-db", Db, "-o", "json");

        code.ShouldBe(0);
        output.Trim().ShouldBe("[]");
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await ReplayCli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
