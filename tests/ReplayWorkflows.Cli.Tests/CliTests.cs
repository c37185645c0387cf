using System.Text.Json;

namespace ReplayWorkflows.Cli.Tests;

/// <summary>The <c>replay</c> command tree, run in-process with captured output.</summary>
public sealed class CliTests
{
    [Fact]
    public async Task Help_lists_the_commands()
    {
        var (code, output, _) = await RunAsync("--help");

        code.ShouldBe(0);
        output.ShouldContain("server");
        output.ShouldContain("demo");
    }

    [Fact]
    public void No_command_shares_the_executable_name_which_the_parser_reserves_for_the_root()
    {
        // Under the test host the root is named after the host; as the installed tool it is "replay", and a "replay"
        // subcommand then crashes every parse with a duplicate token.
        var root = ReplayCli.BuildRootCommand(TextWriter.Null, TextWriter.Null);
        root.Subcommands.ShouldNotContain(c => c.Name == "replay" || c.Aliases.Contains("replay"));
    }

    [Fact]
    public async Task Version_prints_the_product_version()
    {
        var (code, output, _) = await RunAsync("--version");

        code.ShouldBe(0);
        output.Trim().ShouldBe(ReplayCli.Version);
    }

    [Theory]
    [InlineData(new[] { "bogus" }, "replay --help")]
    [InlineData(new[] { "server", "start-dev", "--port", "not-a-number" }, "replay server start-dev --help")]
    [InlineData(new[] { "demo", "--output", "xml" }, "replay demo --help")]
    public async Task A_usage_error_is_one_line_naming_the_help_to_read(string[] args, string help)
    {
        var (code, output, error) = await RunAsync(args);

        code.ShouldBe(2);
        output.ShouldBeEmpty();
        var lines = error.Trim().Split('\n');
        lines.Length.ShouldBe(1);
        lines[0].ShouldStartWith("error: ");
        lines[0].ShouldEndWith($"(see '{help}')");
    }

    [Fact]
    public void An_unexpected_exception_is_one_line_without_a_stack_trace_unless_debugging()
    {
        using var quiet = new StringWriter();
        var code = CliErrors.Report(new InvalidDataException("chunk 7 is corrupt"), quiet, debug: false);

        code.ShouldBe(CliErrors.Unexpected);
        quiet.ToString().Trim().ShouldBe("error: InvalidDataException: chunk 7 is corrupt (rerun with --log-level debug for details)");

        using var loud = new StringWriter();
        CliErrors.Report(new CliUserException("profile sports.yaml: unknown plugin Foo"), loud, debug: true);
        loud.ToString().ShouldStartWith("error: profile sports.yaml: unknown plugin Foo");
        loud.ToString().ShouldContain("CliUserException");
    }

    [Fact]
    public async Task The_demo_runs_a_generated_match_through_the_pipeline_and_reports_every_file()
    {
        var outDir = Directory.CreateTempSubdirectory("replay-demo-").FullName;
        try
        {
            var (code, output, error) = await RunAsync("demo", "--vod", "--duration", "30", "--resolution", "360p", "--out", outDir, "--output", "json");

            code.ShouldBe(0, error);
            using var summary = JsonDocument.Parse(output);
            var root = summary.RootElement;
            root.GetProperty("mode").GetString().ShouldBe("vod");
            root.GetProperty("chunksProcessed").GetInt32().ShouldBe(3);
            var truth = root.GetProperty("groundTruth");
            truth.GetProperty("burstsFound").GetInt32().ShouldBe(truth.GetProperty("bursts").GetInt32());
            truth.GetProperty("segmentsWithoutBurst").GetInt32().ShouldBe(0);
            var files = root.GetProperty("clips").EnumerateArray()
                .Concat(root.GetProperty("replays")[0].GetProperty("files").EnumerateArray())
                .Concat(root.GetProperty("exports").EnumerateArray())
                .Select(f => f.GetString()!).ToList();
            files.ShouldContain(f => f.EndsWith(".mp4", StringComparison.Ordinal));
            files.ShouldContain(f => f.EndsWith(".m3u8", StringComparison.Ordinal));
            files.ShouldContain(f => f.EndsWith(".edl", StringComparison.Ordinal));
            files.ShouldAllBe(f => f.StartsWith(outDir, StringComparison.Ordinal) && File.Exists(f));
            File.Exists(Path.Combine(outDir, "temporal.db")).ShouldBeTrue();
            File.Exists(Path.Combine(outDir, "replay.db")).ShouldBeTrue();
        }
        finally
        {
            Directory.Delete(outDir, recursive: true);
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
