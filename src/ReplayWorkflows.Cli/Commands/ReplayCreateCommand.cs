using System.CommandLine;
using System.Globalization;
using ReplayWorkflows.Activities.Hosting;
using ReplayWorkflows.Activities.Replays;
using ReplayWorkflows.Cli.Options;
using ReplayWorkflows.Cli.Parsing;
using ReplayWorkflows.Core.Replays;
using ReplayWorkflows.Workflows.Contracts;
using Temporalio.Exceptions;

namespace ReplayWorkflows.Cli.Commands;

/// <summary>
/// <c>replay replays create</c>: a duration-mode highlight replay of an event, scored by weighted features. A running
/// event picks it up and renders it as it goes (catch-up) or at its end; a finished event renders it now.
/// </summary>
internal static class ReplayCreateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var temporal = new TemporalOptions();
        var data = new DataOptions();
        var eventId = new Option<string>("--event") { Description = "Event id", Required = true };
        var duration = new Option<int>("--duration") { Description = "Target length of the replay in seconds", Required = true, HelpName = "seconds" };
        duration.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() <= 0)
            {
                r.AddError("--duration must be a positive number of seconds");
            }
        });
        var features = new Option<FeatureSelector[]>("--feature")
        {
            Description = $"Feature that scores a segment (repeatable): {FeatureText.Form}",
            HelpName = "Plugin.Attr=weight",
            CustomParser = r =>
            {
                var list = new List<FeatureSelector>();
                foreach (var token in r.Tokens)
                {
                    try
                    {
                        list.Add(FeatureText.Parse(token.Value));
                    }
                    catch (FormatException ex)
                    {
                        r.AddError(ex.Message);
                        return [];
                    }
                }

                return [.. list];
            },
        };
        var tolerance = new Option<int>("--tolerance") { Description = "How many seconds the replay may run over its duration", DefaultValueFactory = _ => 30, HelpName = "seconds" };
        var catchUp = new Option<bool>("--catch-up") { Description = "Recompute and re-render the replay as segments arrive during a live event" };
        var equal = new Option<bool>("--equal-distribution") { Description = "Spread the selection evenly over the event instead of taking the top scores" };
        var resolutions = new Option<string[]>("--resolution") { Description = "Rendered resolution (repeatable; default 720p): 360p, 480p, 720p, 1080p, ..." };
        var formats = new Option<string[]>("--format") { Description = "Rendered format (repeatable; default both): mp4 or hls" };
        formats.AcceptOnlyFromAmong("mp4", "hls");
        var audio = new Option<int>("--audio-track") { Description = "Audio track of the replay (1-20)", DefaultValueFactory = _ => 1, HelpName = "n" };
        var fade = new Option<int>("--fade") { Description = "Fade through black between segments, in milliseconds (0: hard cuts)", DefaultValueFactory = _ => 500, HelpName = "ms" };
        fade.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 0 or > 10_000)
            {
                r.AddError("--fade must be 0-10000 milliseconds");
            }
        });
        var clip = new Option<string?>("--transition-clip")
        {
            Description = "Video played whole between every two segments instead of a fade (about 1 s; a local file, or s3://... for MediaConvert)",
            HelpName = "file",
        };
        clip.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } path && !path.StartsWith("s3://", StringComparison.Ordinal) && !File.Exists(path))
            {
                r.AddError($"--transition-clip {path} does not exist");
            }
        });
        var id = new Option<string?>("--id") { Description = "Replay id (default: EVENT-replay-<random>)" };
        var format = OutputFormat.Create();
        var command = new Command("create", "Create a highlight replay of an event (rendered now when the event has finished)")
        {
            eventId, duration, features, tolerance, catchUp, equal, resolutions, formats, audio, fade, clip, id, format,
        };
        command.Validators.Add(r =>
        {
            if (r.GetResult(fade) is { Implicit: false } && r.GetValue(fade) > 0 && r.GetValue(clip) is not null)
            {
                r.AddError("--fade and --transition-clip are alternatives: give one");
            }
        });
        temporal.AddTo(command);
        data.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var eventName = parse.GetValue(eventId)!;
            var replayId = parse.GetValue(id) ?? $"{eventName}-replay-{Guid.NewGuid().ToString("N")[..6]}";
            var chosenFormats = parse.GetValue(formats) is { Length: > 0 } f ? f : ["mp4", "hls"];

            // A local clip is stored as an absolute path: the worker resolves relative paths from its own folder.
            var transitionClip = parse.GetValue(clip) is { } c && !c.StartsWith("s3://", StringComparison.Ordinal) ? Path.GetFullPath(c) : parse.GetValue(clip);
            var spec = new ReplaySpec(
                new ReplayRequest(
                    replayId, ReplayMode.Duration, parse.GetValue(features) ?? [], parse.GetValue(audio), parse.GetValue(duration) * 1000L,
                    parse.GetValue(tolerance) * 1000L, parse.GetValue(equal), CatchUp: parse.GetValue(catchUp)),
                parse.GetValue(resolutions) is { Length: > 0 } r ? r : ["720p"],
                Mp4: chosenFormats.Contains("mp4"),
                Hls: chosenFormats.Contains("hls"),
                TransitionMs: transitionClip is null ? parse.GetValue(fade) : 0,
                TransitionClip: transitionClip);
            if (spec.Request.Problems() is { Count: > 0 } problems)
            {
                throw new CliUserException($"replay {replayId}: {string.Join("; ", problems)}");
            }

            var plane = await data.OpenAsync(parse, cancellationToken).ConfigureAwait(false);
            await using var planeScope = plane.ConfigureAwait(false);
            _ = await plane.Events.GetAsync(eventName, cancellationToken).ConfigureAwait(false)
                ?? throw new CliUserException($"event {eventName} not found in {plane.Description} (see 'replay event list')");
            var client = await temporal.ConnectAsync(parse, cancellationToken).ConfigureAwait(false);
            var pipeline = new PipelineClient(client, plane);
            if (!await pipeline.CreateReplayAsync(eventName, replayId, spec, cancellationToken).ConfigureAwait(false))
            {
                throw new CliUserException($"replay {replayId} already exists (see 'replay replays show {replayId}')");
            }

            var state = await EventWorkflowState.ReadAsync(pipeline, eventName, cancellationToken).ConfigureAwait(false);
            var json = OutputFormat.IsJson(parse, format);
            if (state.IsRunning)
            {
                if (json)
                {
                    await OutputFormat.WriteJsonAsync(output, new { ReplayId = replayId, EventId = eventName, Rendered = false, EventWorkflow = state.StatusText }).ConfigureAwait(false);
                }
                else
                {
                    await output.WriteLineAsync(spec.Request.CatchUp
                        ? $"replay {replayId} created; event {eventName} is running: it is rendered as the event progresses and again at its end"
                        : $"replay {replayId} created; event {eventName} is running: it is rendered when the event ends").ConfigureAwait(false);
                }

                return 0;
            }

            ReplayOutcome outcome;
            try
            {
                outcome = await pipeline.RunReplayAsync(eventName, replayId).WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (WorkflowFailedException ex)
            {
                throw new CliUserException($"replay {replayId} failed: {(ex.InnerException ?? ex).Message.ReplaceLineEndings(" ")}");
            }

            if (json)
            {
                await OutputFormat.WriteJsonAsync(output, new { ReplayId = replayId, EventId = eventName, outcome.Rendered, outcome.Revision, outcome.Clips, outcome.DurationMs, outcome.Files }).ConfigureAwait(false);
                return 0;
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"replay {replayId} of event {eventName}: {outcome.Clips} clips, {EventFormat.Seconds(outcome.DurationMs)}{(outcome.Files.Count == 0 ? ", nothing to render" : "")}")).ConfigureAwait(false);
            foreach (var file in outcome.Files)
            {
                await output.WriteLineAsync($"  {file}").ConfigureAwait(false);
            }

            return 0;
        });
        _ = error;
        return command;
    }
}
