using System.Text.Json.Nodes;
using ReplayWorkflows.Core.Time;
using ReplayWorkflows.Media.Clips;

namespace ReplayWorkflows.Media.Rendering.MediaConvert;

/// <summary>
/// Turns a replay request into one MediaConvert CreateJob body (REST JSON, camelCase), the way MRE builds its jobs:
/// every chunk a segment touches is one input (ZEROBASED timecode) with an input clipping where the segment starts
/// or ends inside it; inputs play in order, so the segments are joined by hard cuts, by a fade through a black image
/// (MediaConvert's image inserter, as MRE's FadeInFadeOut), or by the transition clip as an extra input between them. Outputs: one MP4 file group
/// per resolution (<c>{Name}/{res}/{Name}.mp4</c>) and one HLS group with a variant per resolution
/// (<c>{Name}/{Name}.m3u8</c> master, <c>{Name}/{Name}-{res}.m3u8</c> variants).
/// </summary>
internal static class MediaConvertJobBuilder
{
    /// <summary>MediaConvert accepts at most 150 inputs per job.</summary>
    public const int MaxInputs = 150;

    public const string AudioSelector = "Audio Selector 1";

    public static MediaConvertJobPlan Build(ReplayRenderRequest request, MediaConvertOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        request.Validate();
        ValidateTransition(request, options);
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.IndexOfAny(['/', '\\', ':']) >= 0)
        {
            throw new ReplayRequestRefusedException($"replay name '{request.Name}' must be non-empty and free of '/', '\\' and ':' (it becomes S3 keys)");
        }

        var inputs = new JsonArray();
        for (var k = 0; k < request.Segments.Count; k++)
        {
            var parts = SegmentInputs(request.Chunks, request.Segments[k], options);
            if (request.TransitionMs > 0)
            {
                AddFades(parts, k > 0, k < request.Segments.Count - 1, request.TransitionMs, options);
            }

            foreach (var part in parts)
            {
                inputs.Add(part.Input);
            }

            if (request.TransitionClip is { } clip && k < request.Segments.Count - 1)
            {
                inputs.Add(Input(clip, AudioSelectorSettings(track: null)));
            }
        }

        if (inputs.Count > MaxInputs)
        {
            var what = request.TransitionClip is null ? "one per chunk of each segment" : "one per chunk of each segment and one per transition clip";
            throw new ReplayRequestRefusedException($"the replay needs {inputs.Count} inputs ({what}); one MediaConvert job takes at most {MaxInputs}: split the replay or use fewer, longer chunks");
        }

        var prefix = options.OutputPrefix.Trim('/');
        var folder = $"s3://{options.OutputBucket}/{(prefix.Length > 0 ? prefix + "/" : string.Empty)}{request.Name}/";
        var groups = new JsonArray();
        var mp4 = new Dictionary<string, string>(StringComparer.Ordinal);
        var hls = new Dictionary<string, string>(StringComparer.Ordinal);
        string? master = null;
        if (request.Mp4)
        {
            foreach (var res in request.Resolutions)
            {
                // A destination that does not end in '/' names the file: {folder}{res}/{Name}.mp4.
                var destination = $"{folder}{res.FolderName}/{request.Name}";
                mp4[res.Name] = destination + ".mp4";
                groups.Add(new JsonObject
                {
                    ["name"] = $"MP4 {res.Name}",
                    ["outputGroupSettings"] = new JsonObject
                    {
                        ["type"] = "FILE_GROUP_SETTINGS",
                        ["fileGroupSettings"] = new JsonObject { ["destination"] = destination },
                    },
                    ["outputs"] = new JsonArray(Output(res, new JsonObject { ["container"] = "MP4", ["mp4Settings"] = new JsonObject { ["moovPlacement"] = "PROGRESSIVE_DOWNLOAD" } }, nameModifier: null)),
                });
            }
        }

        if (request.Hls)
        {
            var outputs = new JsonArray();
            foreach (var res in request.Resolutions)
            {
                hls[res.Name] = $"{folder}{request.Name}-{res.FolderName}.m3u8";
                outputs.Add(Output(res, new JsonObject { ["container"] = "M3U8", ["m3u8Settings"] = new JsonObject() }, nameModifier: "-" + res.FolderName));
            }

            master = $"{folder}{request.Name}.m3u8";
            groups.Add(new JsonObject
            {
                ["name"] = "HLS",
                ["outputGroupSettings"] = new JsonObject
                {
                    ["type"] = "HLS_GROUP_SETTINGS",
                    ["hlsGroupSettings"] = new JsonObject
                    {
                        ["destination"] = folder + request.Name,
                        ["segmentLength"] = request.HlsSegmentSeconds,
                        ["minSegmentLength"] = 0,
                        ["directoryStructure"] = "SINGLE_DIRECTORY",
                        ["manifestDurationFormat"] = "FLOATING_POINT",
                    },
                },
                ["outputs"] = outputs,
            });
        }

        var body = new JsonObject
        {
            ["role"] = options.RoleArn,
            ["userMetadata"] = new JsonObject { ["Source"] = "Replay", ["Name"] = request.Name },
            ["settings"] = new JsonObject
            {
                ["timecodeConfig"] = new JsonObject { ["source"] = "ZEROBASED" },
                ["inputs"] = inputs,
                ["outputGroups"] = groups,
            },
        };
        if (options.QueueArn is not null)
        {
            body["queue"] = options.QueueArn;
        }

        var planned = TimeSpan.FromMilliseconds(request.Segments.Sum(s => s.DurationMs));
        return new MediaConvertJobPlan(body, inputs.Count, planned, mp4, hls, master);
    }

    /// <summary>MRE's QVBR quality per size (§5.8): level 7 up to 480 lines, 8 for 720, 9 above.</summary>
    public static int QvbrLevel(RenderResolution resolution)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        return resolution.Height <= 480 ? 7 : resolution.Height <= 720 ? 8 : 9;
    }

    /// <summary>What MediaConvert needs beyond the common rules: an S3 image to fade through, the clip in S3.</summary>
    private static void ValidateTransition(ReplayRenderRequest request, MediaConvertOptions options)
    {
        if (request.TransitionMs > 0 && options.FadeImage is null)
        {
            throw new ReplayRequestRefusedException(
                $"MediaConvert fades by overlaying a black image, and MediaConvertOptions.FadeImage is not set: give the s3:// URI of a black PNG as large as the chunks' picture, set TransitionMs to 0 (it is {request.TransitionMs}), or render with FFmpegReplayRenderer",
                nameof(options));
        }

        if (request.TransitionClip is { } clip && !S3Location.TryParse(clip, out _))
        {
            throw new ReplayRequestRefusedException($"MediaConvert reads the transition clip from S3, but it is the local path '{clip}': upload it and pass its s3:// URI");
        }
    }

    /// <summary>
    /// A fade through black as MRE builds it: the black image fades in over the last <paramref name="fadeMs"/> of a
    /// segment and out over the first of the next. Audio is cut, not crossfaded (MediaConvert has no crossfade).
    /// A fade is shortened to the part of the segment in its first or last chunk when that part is shorter.
    /// </summary>
    private static void AddFades(List<SegmentPart> parts, bool fadeFromBlack, bool fadeToBlack, int fadeMs, MediaConvertOptions options)
    {
        if (fadeFromBlack)
        {
            var first = parts[0];
            var ms = Math.Min(fadeMs, first.ToMs - first.FromMs);
            Insert(first.Input, FadeImage(options, ClippingTimecode.Start(first.FromMs, options.FrameRate), ms, "fadeOut"));
        }

        if (fadeToBlack)
        {
            var last = parts[^1];
            var ms = Math.Min(fadeMs, last.ToMs - last.FromMs);
            Insert(last.Input, FadeImage(options, ClippingTimecode.Start(last.ToMs - ms, options.FrameRate), ms, "fadeIn"));
        }

        static void Insert(JsonObject input, JsonObject image)
        {
            if (input["imageInserter"] is not JsonObject inserter)
            {
                inserter = new JsonObject { ["insertableImages"] = new JsonArray() };
                input["imageInserter"] = inserter;
            }

            inserter["insertableImages"]!.AsArray().Add(image);
        }
    }

    private static JsonObject FadeImage(MediaConvertOptions options, string startTimecode, long durationMs, string fade) => new()
    {
        ["imageInserterInput"] = options.FadeImage,
        ["layer"] = 1,
        ["opacity"] = 100,
        ["imageX"] = 0,
        ["imageY"] = 0,
        ["startTime"] = startTimecode,
        ["duration"] = durationMs,
        [fade] = durationMs,
    };

    private static JsonObject Input(string s3Uri, JsonObject audioSelector) => new()
    {
        ["fileInput"] = s3Uri,
        ["timecodeSource"] = "ZEROBASED",
        ["videoSelector"] = new JsonObject(),
        ["audioSelectors"] = new JsonObject { [AudioSelector] = audioSelector },
    };

    /// <summary>One input of a segment and the part of its chunk it plays, in milliseconds from the chunk's first frame.</summary>
    private sealed record SegmentPart(JsonObject Input, long FromMs, long ToMs);

    private static List<SegmentPart> SegmentInputs(IReadOnlyList<MediaChunk> chunks, TimeRange segment, MediaConvertOptions options)
    {
        if (segment.DurationMs <= 0)
        {
            throw new ArgumentException($"segment {segment} is empty", nameof(chunks));
        }

        var covering = chunks.Where(c => c.Span.Overlaps(segment)).OrderBy(c => c.Span.StartMs).ToList();
        var frameMs = (long)Math.Ceiling(1000 / options.FrameRate);
        if (covering.Count == 0 || covering[0].Span.StartMs > segment.StartMs || covering[^1].Span.EndMs < segment.EndMs)
        {
            throw new ArgumentException($"segment {segment} is not covered by the chunks given", nameof(chunks));
        }

        for (var i = 1; i < covering.Count; i++)
        {
            if (covering[i].Span.StartMs > covering[i - 1].Span.EndMs + frameMs)
            {
                throw new ArgumentException(
                    $"segment {segment} crosses a gap between chunk {covering[i - 1].Number} and chunk {covering[i].Number} ({covering[i - 1].Span.EndMs} ms to {covering[i].Span.StartMs} ms)",
                    nameof(chunks));
            }
        }

        var result = new List<SegmentPart>();
        foreach (var chunk in covering)
        {
            if (!S3Location.TryParse(chunk.Path, out var location))
            {
                throw new ReplayRequestRefusedException(
                    $"MediaConvert reads its inputs from S3, but chunk {chunk.Number} is the local path '{chunk.Path}': upload the chunks to S3 and pass s3://bucket/key paths (or render with FFmpegReplayRenderer)",
                    nameof(chunks));
            }

            // The part of the segment inside this chunk, relative to the chunk's first frame.
            var fromMs = Math.Max(segment.StartMs, chunk.Span.StartMs) - chunk.Span.StartMs;
            var toMs = Math.Min(segment.EndMs, chunk.Span.EndMs) - chunk.Span.StartMs;
            if (ClippingTimecode.FirstFrameAtOrAfter(fromMs, options.FrameRate) > ClippingTimecode.LastFrameBefore(toMs, options.FrameRate))
            {
                continue; // less than a frame of the segment falls in this chunk
            }

            var clipping = new JsonObject();
            if (segment.StartMs > chunk.Span.StartMs)
            {
                clipping["startTimecode"] = ClippingTimecode.Start(fromMs, options.FrameRate);
            }

            if (segment.EndMs < chunk.Span.EndMs)
            {
                clipping["endTimecode"] = ClippingTimecode.End(toMs, options.FrameRate);
            }

            var input = Input(location.ToString(), AudioSelectorSettings(options.AudioTrack));
            if (clipping.Count > 0)
            {
                input["inputClippings"] = new JsonArray(clipping);
            }

            result.Add(new SegmentPart(input, fromMs, toMs));
        }

        return result;
    }

    private static JsonObject AudioSelectorSettings(int? track) => track is { } t
        ? new JsonObject { ["selectorType"] = "TRACK", ["tracks"] = new JsonArray(t), ["defaultSelection"] = "DEFAULT" }
        : new JsonObject { ["defaultSelection"] = "DEFAULT" };

    private static JsonObject Output(RenderResolution res, JsonObject container, string? nameModifier)
    {
        var output = new JsonObject
        {
            ["containerSettings"] = container,
            ["videoDescription"] = new JsonObject
            {
                ["width"] = res.Width,
                ["height"] = res.Height,
                // Keep the picture's aspect ratio and pad, like the FFmpeg renderer.
                ["scalingBehavior"] = "FIT",
                ["codecSettings"] = new JsonObject
                {
                    ["codec"] = "H_264",
                    ["h264Settings"] = new JsonObject
                    {
                        ["rateControlMode"] = "QVBR",
                        ["qvbrSettings"] = new JsonObject { ["qvbrQualityLevel"] = QvbrLevel(res) },
                        ["maxBitrate"] = res.MaxBitrateKbps * 1000,
                        ["sceneChangeDetect"] = "TRANSITION_DETECTION",
                        ["gopSize"] = 2.0,
                        ["gopSizeUnits"] = "SECONDS",
                    },
                },
            },
            ["audioDescriptions"] = new JsonArray(new JsonObject
            {
                ["audioSourceName"] = AudioSelector,
                ["codecSettings"] = new JsonObject
                {
                    ["codec"] = "AAC",
                    ["aacSettings"] = new JsonObject { ["bitrate"] = 96_000, ["codingMode"] = "CODING_MODE_2_0", ["sampleRate"] = 48_000 },
                },
            }),
        };
        if (nameModifier is not null)
        {
            output["nameModifier"] = nameModifier;
        }

        return output;
    }
}
