using System.Text.Json.Nodes;
using ReplayWorkflows.Core.Time;
using ReplayWorkflows.Media.Clips;
using ReplayWorkflows.Media.Rendering;
using ReplayWorkflows.Media.Rendering.MediaConvert;

namespace ReplayWorkflows.Media.Tests.MediaConvert;

/// <summary>The renderer against <see cref="FakeMediaConvert"/>, a local endpoint that verifies signatures and job JSON.</summary>
public sealed class MediaConvertReplayRendererTests : IAsyncLifetime
{
    // Six 10 s chunks in S3, event time [0, 60 s).
    private static readonly MediaChunk[] Chunks = [.. Enumerable.Range(1, 6).Select(n => new MediaChunk(n, $"s3://chunks-bucket/live/match_{n}.ts", new TimeRange((n - 1) * 10_000, n * 10_000)))];

    // One segment inside chunk 2, one from chunk 3 across chunk 4 into chunk 5.
    private static readonly TimeRange[] Segments = [new(12_340, 17_500), new(28_000, 41_020)];

    private FakeMediaConvert server = null!;
    private readonly HttpClient http = new();

    public async Task InitializeAsync() => server = await FakeMediaConvert.StartAsync();

    public async Task DisposeAsync()
    {
        http.Dispose();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task A_two_segment_replay_becomes_one_job_with_clipped_inputs_and_mp4_and_hls_per_resolution()
    {
        var renderer = Renderer();
        var result = await renderer.RenderAsync(Request(Chunks, mp4: true, hls: true));

        var job = server.Jobs.ShouldHaveSingleItem();
        job.Status.ShouldBe("COMPLETE");
        var body = job.Request;
        body["role"]!.GetValue<string>().ShouldBe("arn:aws:iam::123456789012:role/MediaConvertRole");
        body["queue"]!.GetValue<string>().ShouldBe("arn:aws:mediaconvert:eu-west-1:123456789012:queues/Default");
        body["settings"]!["timecodeConfig"]!["source"]!.GetValue<string>().ShouldBe("ZEROBASED");

        // Inputs: chunk 2 clipped both ends; chunk 3 from 8 s; chunk 4 whole; chunk 5 up to the last frame before 1.02 s.
        var inputs = body["settings"]!["inputs"]!.AsArray();
        inputs.Select(i => i!["fileInput"]!.GetValue<string>()).ShouldBe(
            ["s3://chunks-bucket/live/match_2.ts", "s3://chunks-bucket/live/match_3.ts", "s3://chunks-bucket/live/match_4.ts", "s3://chunks-bucket/live/match_5.ts"]);
        Clipping(inputs[0]).ShouldBe(("00:00:02:09", "00:00:07:12"));
        Clipping(inputs[1]).ShouldBe(("00:00:08:00", null));
        inputs[2]!["inputClippings"].ShouldBeNull();
        Clipping(inputs[3]).ShouldBe((null, "00:00:01:00"));
        inputs.ShouldAllBe(i => i!["audioSelectors"]!["Audio Selector 1"] != null && i["timecodeSource"]!.GetValue<string>() == "ZEROBASED");

        // Output groups: MP4 per resolution, then one HLS group with a variant per resolution.
        var groups = body["settings"]!["outputGroups"]!.AsArray();
        groups.Select(g => g!["outputGroupSettings"]!["type"]!.GetValue<string>()).ShouldBe(["FILE_GROUP_SETTINGS", "FILE_GROUP_SETTINGS", "HLS_GROUP_SETTINGS"]);
        groups[0]!["outputGroupSettings"]!["fileGroupSettings"]!["destination"]!.GetValue<string>().ShouldBe("s3://replays-bucket/out/final/720p/final");
        groups[1]!["outputGroupSettings"]!["fileGroupSettings"]!["destination"]!.GetValue<string>().ShouldBe("s3://replays-bucket/out/final/169/final");
        Video(groups[0]!["outputs"]![0]).ShouldBe((1280, 720, 8, 4_000_000));
        Video(groups[1]!["outputs"]![0]).ShouldBe((1920, 1080, 9, 6_000_000));
        groups[0]!["outputs"]![0]!["containerSettings"]!["container"]!.GetValue<string>().ShouldBe("MP4");

        var hls = groups[2]!;
        hls["outputGroupSettings"]!["hlsGroupSettings"]!["destination"]!.GetValue<string>().ShouldBe("s3://replays-bucket/out/final/final");
        hls["outputGroupSettings"]!["hlsGroupSettings"]!["segmentLength"]!.GetValue<int>().ShouldBe(6);
        var variants = hls["outputs"]!.AsArray();
        variants.Select(v => v!["nameModifier"]!.GetValue<string>()).ShouldBe(["-720p", "-169"]);
        variants.Select(Video).ShouldBe([(1280, 720, 8, 4_000_000), (1920, 1080, 9, 6_000_000)]);
        variants.ShouldAllBe(v => v!["containerSettings"]!["container"]!.GetValue<string>() == "M3U8");
        variants.ShouldAllBe(v => v!["audioDescriptions"]![0]!["codecSettings"]!["aacSettings"]!["bitrate"]!.GetValue<int>() == 96_000);

        // The result names where MediaConvert writes the files.
        result.PlannedDuration.ShouldBe(TimeSpan.FromMilliseconds(5_160 + 13_020));
        result.Mp4ByResolution.ShouldBe(new Dictionary<string, string>
        {
            ["720p"] = "s3://replays-bucket/out/final/720p/final.mp4",
            ["16:9"] = "s3://replays-bucket/out/final/169/final.mp4",
        });
        result.HlsByResolution["720p"].ShouldBe("s3://replays-bucket/out/final/final-720p.m3u8");
        result.HlsByResolution["16:9"].ShouldBe("s3://replays-bucket/out/final/final-169.m3u8");
        result.MasterPlaylist.ShouldBe("s3://replays-bucket/out/final/final.m3u8");

        // Every request was accepted: create, then polls until COMPLETE.
        server.Requests.Select(r => (r.Method, r.Status)).ShouldBe([("POST", 201), ("GET", 200), ("GET", 200)]);
    }

    [Fact]
    public async Task Mp4_only_has_no_hls_group_and_a_chosen_audio_track()
    {
        var options = Options();
        options.AudioTrack = 2;
        var result = await Renderer(options).RenderAsync(Request(Chunks, mp4: true, hls: false) with { Resolutions = [RenderResolution.P360] });
        var body = server.Jobs.ShouldHaveSingleItem().Request;
        body["settings"]!["outputGroups"]!.AsArray().ShouldHaveSingleItem()!["outputGroupSettings"]!["type"]!.GetValue<string>().ShouldBe("FILE_GROUP_SETTINGS");
        var selector = body["settings"]!["inputs"]![0]!["audioSelectors"]!["Audio Selector 1"]!;
        selector["selectorType"]!.GetValue<string>().ShouldBe("TRACK");
        selector["tracks"]!.AsArray().Select(t => t!.GetValue<int>()).ShouldBe([2]);
        result.HlsByResolution.ShouldBeEmpty();
        result.MasterPlaylist.ShouldBeNull();
    }

    [Fact]
    public async Task A_request_signed_with_the_wrong_secret_is_refused_with_403()
    {
        var options = Options();
        options.SecretKey = "not-the-secret";
        var error = await Should.ThrowAsync<MediaConvertException>(() => Renderer(options).RenderAsync(Request(Chunks)));
        error.HttpStatus.ShouldBe(403);
        error.ErrorMessage!.ShouldContain("signature we calculated does not match");
        server.Jobs.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_body_changed_after_signing_is_refused_with_403()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, server.Endpoint + "/2017-08-29/jobs");
        var signedBody = "{\"role\":\"arn:aws:iam::1:role/a\"}"u8.ToArray();
        SigV4Signer.Sign(request, signedBody, new AwsCredentials(FakeMediaConvert.AccessKey, FakeMediaConvert.SecretKey), FakeMediaConvert.Region, "mediaconvert", DateTimeOffset.UtcNow);
        request.Content = new ByteArrayContent("{\"role\":\"arn:aws:iam::2:role/b\"}"u8.ToArray());
        using var response = await http.SendAsync(request);
        ((int)response.StatusCode).ShouldBe(403);
    }

    [Fact]
    public async Task A_job_that_ends_in_error_surfaces_mediaconverts_error_message()
    {
        server.Failure = (1030, "Failed probe/open: [Can't read input stream: s3://chunks-bucket/live/match_3.ts]");
        var error = await Should.ThrowAsync<MediaConvertException>(() => Renderer().RenderAsync(Request(Chunks)));
        error.Status.ShouldBe("ERROR");
        error.ErrorCode.ShouldBe(1030);
        error.ErrorMessage.ShouldBe("Failed probe/open: [Can't read input stream: s3://chunks-bucket/live/match_3.ts]");
        error.Message.ShouldContain("Can't read input stream");
        error.JobId.ShouldBe(server.Jobs.Single().Id);
    }

    [Fact]
    public async Task Cancelling_the_render_cancels_the_job()
    {
        server.NeverFinish = true;
        using var cancel = new CancellationTokenSource();
        var render = Renderer().RenderAsync(Request(Chunks), cancel.Token);
        var id = await server.FirstJobCreated.WaitAsync(TimeSpan.FromSeconds(10));
        await WaitUntilAsync(() => server.Requests.Any(r => r.Method == "GET"));
        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => render);
        server.Jobs.Single().Status.ShouldBe("CANCELED");
        server.Requests.ShouldContain(r => r.Method == "DELETE" && r.Path == "/2017-08-29/jobs/" + id && r.Status == 202);
    }

    [Fact]
    public async Task A_job_past_its_timeout_is_cancelled_and_reported()
    {
        server.NeverFinish = true;
        var options = Options();
        options.Timeout = TimeSpan.FromMilliseconds(300);
        var error = await Should.ThrowAsync<MediaConvertException>(() => Renderer(options).RenderAsync(Request(Chunks)));
        error.Message.ShouldContain("did not finish within");
        server.Jobs.Single().Status.ShouldBe("CANCELED");
    }

    [Fact]
    public async Task A_local_chunk_path_is_refused_before_anything_is_sent()
    {
        MediaChunk[] local = [.. Chunks.Select(c => c.Number == 4 ? c with { Path = "/data/chunks/match_4.ts" } : c)];
        var error = await Should.ThrowAsync<ArgumentException>(() => Renderer().RenderAsync(Request(local)));
        error.Message.ShouldContain("MediaConvert reads its inputs from S3");
        error.Message.ShouldContain("chunk 4 is the local path '/data/chunks/match_4.ts'");
        server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Fades_without_an_image_and_uncovered_segments_are_refused_with_a_reason()
    {
        (await Should.ThrowAsync<ArgumentException>(() => Renderer().RenderAsync(Request(Chunks) with { TransitionMs = 500 })))
            .Message.ShouldContain("MediaConvertOptions.FadeImage is not set");
        (await Should.ThrowAsync<ArgumentException>(() => Renderer(FadingOptions()).RenderAsync(Request(Chunks) with { TransitionMs = 500, TransitionClip = "s3://stings/sting.mp4" })))
            .Message.ShouldContain("not both");
        (await Should.ThrowAsync<ArgumentException>(() => Renderer().RenderAsync(Request(Chunks) with { TransitionClip = "/local/sting.mp4" })))
            .Message.ShouldContain("upload it and pass its s3:// URI");
        (await Should.ThrowAsync<ArgumentException>(() => Renderer().RenderAsync(Request(Chunks) with { Segments = [new(55_000, 65_000)] })))
            .Message.ShouldContain("not covered");
        (await Should.ThrowAsync<ArgumentException>(() => Renderer().RenderAsync(Request([.. Chunks.Where(c => c.Number != 4)]))))
            .Message.ShouldContain("gap between chunk 3 and chunk 5");
        server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_fade_overlays_the_black_image_at_the_end_of_a_segment_and_the_start_of_the_next()
    {
        // Segment 1 ends 200 ms into chunk 5, so its fade to black is shortened to those 200 ms.
        TimeRange[] segments = [new(28_000, 40_200), new(12_340, 17_500)];
        var result = await Renderer(FadingOptions()).RenderAsync(Request(Chunks) with { Segments = segments, TransitionMs = 500 });

        var inputs = server.Jobs.ShouldHaveSingleItem().Request["settings"]!["inputs"]!.AsArray();
        inputs.Select(i => i!["fileInput"]!.GetValue<string>()[^10..]).ShouldBe(["match_3.ts", "match_4.ts", "match_5.ts", "match_2.ts"]);
        Images(inputs[0]).ShouldBeEmpty("the replay starts without a fade");
        Images(inputs[1]).ShouldBeEmpty();
        Images(inputs[2]).ShouldBe([("00:00:00:00", 200, "fadeIn")]);
        Images(inputs[3]).ShouldBe([("00:00:02:09", 500, "fadeOut")], "the next segment comes out of black from its first frame");
        inputs[2]!["imageInserter"]!["insertableImages"]![0]!["imageInserterInput"]!.GetValue<string>().ShouldBe("s3://assets/black-1080.png");
        result.PlannedDuration.ShouldBe(TimeSpan.FromMilliseconds(12_200 + 5_160), "a fade through black overlays the picture and adds no time");
    }

    [Fact]
    public async Task A_segment_inside_one_chunk_fades_in_and_out_on_the_same_input()
    {
        TimeRange[] segments = [new(1_000, 4_000), new(12_340, 17_500), new(21_000, 24_000)];
        await Renderer(FadingOptions()).RenderAsync(Request(Chunks) with { Segments = segments, TransitionMs = 1000 });
        var inputs = server.Jobs.ShouldHaveSingleItem().Request["settings"]!["inputs"]!.AsArray();
        inputs.Count.ShouldBe(3);
        Images(inputs[0]).ShouldBe([("00:00:03:00", 1000, "fadeIn")]);
        Images(inputs[1]).ShouldBe([("00:00:02:09", 1000, "fadeOut"), ("00:00:06:13", 1000, "fadeIn")]);
        Images(inputs[2]).ShouldBe([("00:00:01:00", 1000, "fadeOut")]);
    }

    [Fact]
    public async Task A_transition_clip_is_an_extra_input_between_segments_and_the_reported_length_is_the_result()
    {
        server.OutputDurationMs = 20_180;
        var result = await Renderer().RenderAsync(Request(Chunks) with { TransitionClip = "s3://stings/sting-1s.mp4" });

        var inputs = server.Jobs.ShouldHaveSingleItem().Request["settings"]!["inputs"]!.AsArray();
        inputs.Select(i => i!["fileInput"]!.GetValue<string>()).ShouldBe(
            ["s3://chunks-bucket/live/match_2.ts", "s3://stings/sting-1s.mp4", "s3://chunks-bucket/live/match_3.ts", "s3://chunks-bucket/live/match_4.ts", "s3://chunks-bucket/live/match_5.ts"]);
        inputs[1]!["inputClippings"].ShouldBeNull("the clip plays whole");
        inputs[1]!["audioSelectors"]!["Audio Selector 1"]!["defaultSelection"]!.GetValue<string>().ShouldBe("DEFAULT");
        result.PlannedDuration.ShouldBe(TimeSpan.FromMilliseconds(20_180), "the clip's length is only known to MediaConvert");
    }

    [Fact]
    public async Task Transition_clips_that_push_a_job_past_150_inputs_are_refused()
    {
        MediaChunk[] chunks = [.. Enumerable.Range(1, 80).Select(n => new MediaChunk(n, $"s3://chunks-bucket/live/match_{n}.ts", new TimeRange((n - 1) * 10_000, n * 10_000)))];
        TimeRange[] segments = [.. Enumerable.Range(0, 76).Select(k => new TimeRange((k * 10_000) + 1_000, (k * 10_000) + 5_000))];
        await Renderer().RenderAsync(Request(chunks) with { Segments = segments });
        server.Jobs.ShouldHaveSingleItem().Request["settings"]!["inputs"]!.AsArray().Count.ShouldBe(76);

        var error = await Should.ThrowAsync<ArgumentException>(() => Renderer().RenderAsync(Request(chunks) with { Segments = segments, TransitionClip = "s3://stings/sting.mp4" }));
        error.Message.ShouldContain("151 inputs (one per chunk of each segment and one per transition clip)");
        server.Jobs.Count.ShouldBe(1);
    }

    [Fact]
    public void Invalid_options_are_listed_one_problem_per_item()
    {
        var options = new MediaConvertOptions { EndpointUrl = "not a url", RoleArn = "MediaConvertRole", OutputBucket = "s3://bucket/x", FrameRate = 0, AccessKey = "AK", FadeImage = "/tmp/black.png" };
        var problems = options.Validate();
        problems.Count.ShouldBe(6);
        problems.ShouldContain(p => p.StartsWith("FadeImage", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("EndpointUrl", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("RoleArn", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("OutputBucket", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("FrameRate", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("AccessKey and SecretKey", StringComparison.Ordinal));
        problems.ShouldAllBe(p => !p.Contains('\n', StringComparison.Ordinal));
        Should.Throw<ArgumentException>(() => new MediaConvertReplayRenderer(options)).Message.ShouldStartWith("MediaConvert options are invalid: ");
        Options().Validate().ShouldBeEmpty();
    }

    private MediaConvertOptions Options() => new()
    {
        EndpointUrl = server.Endpoint,
        Region = FakeMediaConvert.Region,
        RoleArn = "arn:aws:iam::123456789012:role/MediaConvertRole",
        QueueArn = "arn:aws:mediaconvert:eu-west-1:123456789012:queues/Default",
        AccessKey = FakeMediaConvert.AccessKey,
        SecretKey = FakeMediaConvert.SecretKey,
        OutputBucket = "replays-bucket",
        OutputPrefix = "out/",
        FrameRate = 25,
        PollInterval = TimeSpan.FromMilliseconds(20),
        Timeout = TimeSpan.FromSeconds(20),
    };

    private MediaConvertOptions FadingOptions()
    {
        var options = Options();
        options.FadeImage = "s3://assets/black-1080.png";
        return options;
    }

    private static List<(string Start, long Duration, string Fade)> Images(JsonNode? input) =>
        [.. (input!["imageInserter"]?["insertableImages"] as JsonArray ?? []).Select(i => (
            i!["startTime"]!.GetValue<string>(),
            i["duration"]!.GetValue<long>(),
            i["fadeIn"] is not null ? "fadeIn" : "fadeOut"))];

    private MediaConvertReplayRenderer Renderer(MediaConvertOptions? options = null) => new(options ?? Options(), http);

    private static ReplayRenderRequest Request(IReadOnlyList<MediaChunk> chunks, bool mp4 = true, bool hls = true) =>
        new(chunks, Segments, [RenderResolution.P720, RenderResolution.Wide16x9], OutputDirectory: "unused", Name: "final", Mp4: mp4, Hls: hls, HlsSegmentSeconds: 6);

    private static (string? Start, string? End) Clipping(JsonNode? input)
    {
        var clipping = input!["inputClippings"]!.AsArray().ShouldHaveSingleItem()!;
        return (clipping["startTimecode"]?.GetValue<string>(), clipping["endTimecode"]?.GetValue<string>());
    }

    private static (int Width, int Height, int Qvbr, int MaxBitrate) Video(JsonNode? output)
    {
        var video = output!["videoDescription"]!;
        var h264 = video["codecSettings"]!["h264Settings"]!;
        return (video["width"]!.GetValue<int>(), video["height"]!.GetValue<int>(), h264["qvbrSettings"]!["qvbrQualityLevel"]!.GetValue<int>(), h264["maxBitrate"]!.GetValue<int>());
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline);
            await Task.Delay(10);
        }
    }
}
