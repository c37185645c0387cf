using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.RegularExpressions;
using ReplayWorkflows.Activities.Hosting;
using ReplayWorkflows.Cli.Options;
using ReplayWorkflows.Cli.Parsing;
using ReplayWorkflows.Cli.Profiles;
using ReplayWorkflows.Core.Profiles;
using ReplayWorkflows.Data;
using ReplayWorkflows.Core.Plugins;
using ReplayWorkflows.Workflows.Contracts;
using Temporalio.Exceptions;

namespace ReplayWorkflows.Cli.Commands;

/// <summary>
/// <c>replay event start</c>: validates the profile (a name stored with <c>replay profile apply</c>, or a .yaml/.json
/// file), records the event and starts its workflow, which reads the source and runs the pipeline on the workers.
/// </summary>
internal static partial class EventStartCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var temporal = new TemporalOptions();
        var data = new DataOptions();
        var name = new Option<string>("--name") { Description = "Event name (unique within its program)", Required = true };
        var profile = new Option<string>("--profile")
        {
            Description = "Profile: a name stored with 'replay profile apply' or a path to a .yaml/.json profile file",
            Required = true,
            HelpName = "name|file",
        };
        var source = new Option<string>("--source")
        {
            Description = $"Where the video comes from: {SourceText.Forms}",
            Required = true,
            CustomParser = r => Parse(r, SourceText.Normalize),
        };
        var start = new Option<DateTime?>("--start")
        {
            Description = "Scheduled start, ISO 8601 (e.g. 2025-06-01T18:00:00Z; no offset means UTC)",
            HelpName = "time",
            CustomParser = r => Parse<DateTime?>(r, t => ParseStart(t)),
        };
        var duration = new Option<TimeSpan?>("--duration")
        {
            Description = $"Scheduled length; a live event ends after it ({DurationText.Forms})",
            HelpName = "duration",
            CustomParser = r => Parse<TimeSpan?>(r, t => DurationText.Parse(t)),
        };
        var vod = new Option<bool>("--vod") { Description = "Video on demand: take every chunk of the source at once instead of waiting for live ones" };
        var id = new Option<string?>("--id") { Description = "Event id (default: from the name plus a random suffix)" };
        var tracks = new Option<int[]>("--audio-track")
        {
            Description = "Audio track to process (repeatable, 1-20; default 1)",
            HelpName = "n",
        };
        tracks.Validators.Add(r =>
        {
            foreach (var t in r.GetValueOrDefault<int[]>() ?? [])
            {
                if (t is < 1 or > 20)
                {
                    r.AddError($"--audio-track {t.ToString(CultureInfo.InvariantCulture)} is outside 1-20");
                }
            }
        });
        var lookAhead = new Option<int>("--look-ahead")
        {
            Description = "Chunks analysed ahead of the in-order segment stages (1-32)",
            DefaultValueFactory = _ => EventSettings.Default.LookAhead,
            HelpName = "chunks",
        };
        lookAhead.Validators.Add(r => Range(r, r.GetValueOrDefault<int>(), "--look-ahead", 1, 32));
        var gapTimeout = new Option<TimeSpan>("--gap-timeout")
        {
            Description = $"How long a missing chunk is waited for before it is recorded as a gap ({DurationText.Forms})",
            DefaultValueFactory = _ => TimeSpan.FromMilliseconds(EventSettings.Default.GapTimeoutMs),
            HelpName = "duration",
            CustomParser = r => Parse(r, t => DurationText.Parse(t)),
        };
        var continueEvery = new Option<int>("--continue-as-new-every")
        {
            Description = "Chunks after which the event workflow continues as new, keeping its history short (2-10000)",
            DefaultValueFactory = _ => EventSettings.Default.ContinueAsNewEvery,
            HelpName = "chunks",
        };
        continueEvery.Validators.Add(r => Range(r, r.GetValueOrDefault<int>(), "--continue-as-new-every", 2, 10_000));
        var clipHls = new Option<bool>("--clip-hls") { Description = "Also write every segment clip as HLS (MP4 only by default)" };
        var exports = new Option<string[]>("--export") { Description = "Export written when the event ends (repeatable; default edl and json): edl or json", HelpName = "format" };
        exports.AcceptOnlyFromAmong("edl", "json");
        var format = OutputFormat.Create();
        var command = new Command("start", "Start an event: record it and run its workflow over the source")
        {
            name, profile, source, start, duration, vod, id, tracks, lookAhead, gapTimeout, continueEvery, clipHls, exports, format,
        };
        temporal.AddTo(command);
        data.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var eventName = parse.GetValue(name)!;
            var eventId = parse.GetValue(id) ?? DefaultId(eventName);
            var plane = await data.OpenAsync(parse, cancellationToken).ConfigureAwait(false);
            await using var planeScope = plane.ConfigureAwait(false);
            var (profileName, profileText) = await ResolveProfileAsync(plane, parse.GetValue(profile)!, error, cancellationToken).ConfigureAwait(false);
            var client = await temporal.ConnectAsync(parse, cancellationToken).ConfigureAwait(false);
            var input = new EventInput(
                eventId, eventName, profileName, profileText, parse.GetValue(source), parse.GetValue(start),
                parse.GetValue(duration) is { } d ? (long)d.TotalMilliseconds : null, parse.GetValue(vod),
                parse.GetValue(tracks) is { Length: > 0 } t ? t : null,
                new EventSettings(
                    parse.GetValue(lookAhead), (long)parse.GetValue(gapTimeout).TotalMilliseconds, parse.GetValue(continueEvery), parse.GetValue(clipHls),
                    parse.GetValue(exports) is { Length: > 0 } e ? e.Distinct().ToList() : null));
            var pipeline = new PipelineClient(client, plane);
            string workflowId;
            try
            {
                workflowId = (await pipeline.StartEventAsync(input, null, cancellationToken).ConfigureAwait(false)).Id;
            }
            catch (InvalidDataException ex)
            {
                throw new CliUserException(ex.Message.ReplaceLineEndings("; "));
            }
            catch (DataPlaneException ex)
            {
                throw new CliUserException($"event {eventId}: {ex.Message}");
            }
            catch (WorkflowAlreadyStartedException)
            {
                throw new CliUserException($"event {eventId} already has a workflow ({EventInput.WorkflowIdFor(eventId)}): pick another --id");
            }

            if (OutputFormat.IsJson(parse, format))
            {
                await OutputFormat.WriteJsonAsync(output, new { EventId = eventId, WorkflowId = workflowId, Profile = profileName, Source = input.Source, input.Vod }).ConfigureAwait(false);
            }
            else
            {
                await output.WriteLineAsync($"event {eventId} started as workflow {workflowId} (profile {profileName}, source {input.Source}{(input.Vod ? ", VOD" : "")})").ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }

    /// <summary>
    /// The profile's name and text: from the file when <paramref name="profile"/> is a path (or ends in .yaml/.yml/.json),
    /// else from the data plane. The text is validated here so problems are printed with their lines, one per line on
    /// <paramref name="error"/>, before anything is recorded.
    /// </summary>
    public static async Task<(string Name, string Text)> ResolveProfileAsync(IDataPlane plane, string profile, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plane);
        ArgumentNullException.ThrowIfNull(error);
        string text;
        string sourceName;
        if (File.Exists(profile) || LooksLikeFile(profile))
        {
            if (!File.Exists(profile))
            {
                throw new CliUserException($"profile file {Path.GetFullPath(profile)} does not exist");
            }

            text = await File.ReadAllTextAsync(profile, cancellationToken).ConfigureAwait(false);
            sourceName = profile;
        }
        else
        {
            var record = await plane.Profiles.GetAsync(profile, cancellationToken).ConfigureAwait(false)
                ?? throw new CliUserException($"profile {profile} is neither a file nor stored in {plane.Description} (see 'replay profile list', or 'replay profile apply -f FILE')");
            (text, sourceName) = StoredProfile.FromDefinitionJson(record.DefinitionJson);
        }

        var loaded = ProfileLoader.Load(text, sourceName, BuiltInPlugins.CreateCatalog());
        if (loaded.Profile is null)
        {
            foreach (var problem in loaded.Problems)
            {
                await error.WriteLineAsync(problem.ToString()).ConfigureAwait(false);
            }

            var count = loaded.Problems.Count;
            throw new CliUserException($"profile {sourceName} is invalid: {count} problem{(count == 1 ? "" : "s")}; the event was not started");
        }

        return (loaded.Profile.Name, text);
    }

    /// <summary>A readable id: the name in lower case with dashes, plus a short random suffix.</summary>
    public static string DefaultId(string name)
    {
        var slug = NotIdChars().Replace((name ?? "").ToLowerInvariant(), "-").Trim('-');
        if (slug.Length > 40)
        {
            slug = slug[..40].TrimEnd('-');
        }

        return $"{(slug.Length == 0 ? "event" : slug)}-{Guid.NewGuid().ToString("N")[..6]}";
    }

    /// <summary>An ISO 8601 time as UTC; no offset means UTC.</summary>
    public static DateTime ParseStart(string? text)
    {
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            throw new FormatException($"'{text}' is not an ISO 8601 time such as 2025-06-01T18:00:00Z");
        }

        return value.UtcDateTime;
    }

    private static bool LooksLikeFile(string profile) =>
        profile.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || profile.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
        || profile.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || profile.Contains('/', StringComparison.Ordinal)
        || profile.Contains('\\', StringComparison.Ordinal);

    private static void Range(OptionResult result, int value, string option, int min, int max)
    {
        if (value < min || value > max)
        {
            result.AddError(string.Create(CultureInfo.InvariantCulture, $"{option} {value} is outside {min}-{max}"));
        }
    }

    private static T? Parse<T>(ArgumentResult result, Func<string, T> parse)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        try
        {
            return parse(text);
        }
        catch (FormatException ex)
        {
            result.AddError(ex.Message);
            return default;
        }
    }

    [GeneratedRegex("[^a-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex NotIdChars();
}
