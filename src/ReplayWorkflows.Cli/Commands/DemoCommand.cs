using System.CommandLine;
using Microsoft.Extensions.Logging;
using ReplayWorkflows.Cli.Demo;
using ReplayWorkflows.Cli.Options;

namespace ReplayWorkflows.Cli.Commands;

/// <summary>
/// <c>replay demo</c>: the main job on the embedded default. Generates a match (or takes a source), runs it as a live
/// event (chunks arrive in real time, accelerated by <c>--speed</c>) or as VOD through the whole pipeline, and writes
/// clips, a highlight replay (MP4 and HLS) and EDL/JSON exports under <c>--out</c>.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var outDir = new Option<DirectoryInfo>("--out") { Description = "Where the demo writes everything", DefaultValueFactory = _ => new DirectoryInfo("replay-output") };
        var port = new Option<int>("--port") { Description = "Port of the embedded server (0 picks a free one)", DefaultValueFactory = _ => 0 };
        var duration = new Option<int>("--duration") { Description = "Length of the generated match in seconds (30-3600)", DefaultValueFactory = _ => 120 };
        duration.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 30 or > 3600)
            {
                r.AddError("--duration must be between 30 and 3600 seconds");
            }
        });
        var vod = new Option<bool>("--vod") { Description = "Process the match as video on demand (all chunks at once) instead of live" };
        var speed = new Option<double>("--speed") { Description = "Live mode: how many times faster than real time chunks arrive", DefaultValueFactory = _ => 4.0 };
        speed.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is <= 0 or > 1000)
            {
                r.AddError("--speed must be above 0 and at most 1000");
            }
        });
        var source = new Option<string?>("--source") { Description = "Use this source instead of a generated match: folder:PATH, hls:URL_OR_PATH or s3://bucket/prefix" };
        var resolution = new Option<string>("--resolution") { Description = "Replay resolution (360p, 480p, 720p, 16:9, ...)", DefaultValueFactory = _ => "720p" };
        var format = OutputFormat.Create();
        var command = new Command("demo", "Run ReplayWorkflows end to end on the embedded default: generated match -> segments, clips, highlight replay, exports")
        {
            outDir, port, duration, vod, speed, source, resolution, format,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var json = OutputFormat.IsJson(parse, format);
            var level = GlobalOptions.IsDebug(parse) ? LogLevel.Debug : LogLevel.Warning;
            using var loggers = CliLogging.Create(level);
            var settings = new DemoSettings(
                parse.GetValue(outDir)!.FullName, parse.GetValue(port), parse.GetValue(duration), parse.GetValue(vod), parse.GetValue(speed),
                parse.GetValue(source), Resolution: parse.GetValue(resolution)!);
            var result = await new DemoRunner(json ? TextWriter.Null : output, loggers).RunAsync(settings, cancellationToken).ConfigureAwait(false);
            if (json)
            {
                await OutputFormat.WriteJsonAsync(output, result).ConfigureAwait(false);
            }

            return 0;
        });
        _ = error;
        return command;
    }
}
