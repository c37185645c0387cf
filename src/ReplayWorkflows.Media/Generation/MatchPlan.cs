using System.Globalization;
using System.Text;
using ReplayWorkflows.Core.Time;

namespace ReplayWorkflows.Media.Generation;

/// <summary>
/// The seeded timeline of a synthetic match and the lavfi filter graph that renders it. Video is planned in whole
/// frames and audio in whole milliseconds, so the ground truth is exact rather than measured.
/// </summary>
internal sealed class MatchPlan
{
    private const int SampleRate = 48000;

    // Patterns that move (so a freeze detector stays quiet) and ones that are static pictures.
    private static readonly string[] Patterns = ["testsrc2", "testsrc", "smptehdbars", "mandelbrot", "rgbtestsrc", "color", "gradients"];
    private static readonly string[] Colours = ["0x2e7d32", "0xc62828", "0x1565c0", "0xf9a825", "0x6a1b9a", "0x00838f", "0xd84315", "0xeeeeee"];

    private readonly List<VideoSegment> video = [];
    private readonly List<AudioSegment> audio = [];

    public MatchPlan(MatchSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        Spec = spec;
        var random = new Random(spec.Seed);
        var rate = spec.FrameRate;
        TotalFrames = (long)Math.Round(spec.DurationSeconds * rate.Value);
        DurationMs = rate.FrameToMs(TotalFrames);
        PlanVideo(random);
        PlanAudio(random);
    }

    public MatchSpec Spec { get; }

    public long TotalFrames { get; }

    public long DurationMs { get; }

    public GroundTruth Truth()
    {
        var rate = Spec.FrameRate;
        var shots = video.Select(v => new ShotTruth(new TimeRange(rate.FrameToMs(v.StartFrame), rate.FrameToMs(v.StartFrame + v.Frames)), v.Pattern, v.IsStatic)).ToList();
        return new GroundTruth(
            Spec,
            DurationMs,
            rate.ToString(),
            shots,
            [.. shots.Skip(1).Select(s => s.Range.StartMs)],
            [.. audio.Where(a => a.Kind == AudioKind.Burst).Select(a => a.Range)],
            [.. audio.Where(a => a.Kind == AudioKind.Silence).Select(a => a.Range)],
            [.. shots.Where(s => s.Pattern == "black").Select(s => s.Range)],
            [.. shots.Where(s => s.IsStatic).Select(s => s.Range)]);
    }

    /// <summary>The filter graph with outputs [v] and [a].</summary>
    public string FilterGraph()
    {
        var g = new StringBuilder();
        var w = Spec.Width;
        var h = Spec.Height;
        var r = Spec.FrameRate.ToString();
        for (var i = 0; i < video.Count; i++)
        {
            var v = video[i];
            var source = v.Pattern switch
            {
                "black" => $"color=c=black:s={w}x{h}:r={r}",
                "color" => $"color=c={v.Colour}:s={w}x{h}:r={r}",
                // Fractal and gradient sources are slow at full size; render small and scale up. (Busy noise-like patterns such as
                // cellauto are avoided: scdet scores a cut relative to the previous frame difference, so they hide cuts.)
                "mandelbrot" => $"mandelbrot=s=320x180:r={r}:start_scale={1.5 + (v.Variation % 5 * 0.3)},scale={w}:{h}",
                "gradients" => $"{Gradients(v.Variation, r)},scale={w}:{h}",
                _ => $"{v.Pattern}=s={w}x{h}:r={r}",
            };
            g.Append(CultureInfo.InvariantCulture, $"{source},trim=end_frame={v.Frames},setpts=PTS-STARTPTS,setsar=1,format=yuv420p[v{i}];\n");
        }

        for (var i = 0; i < video.Count; i++)
        {
            g.Append(CultureInfo.InvariantCulture, $"[v{i}]");
        }

        g.Append(CultureInfo.InvariantCulture, $"concat=n={video.Count}:v=1:a=0[v];\n");
        for (var i = 0; i < audio.Count; i++)
        {
            var a = audio[i];
            var samples = a.Range.DurationMs * SampleRate / 1000;
            var source = a.Kind switch
            {
                AudioKind.Silence => $"anullsrc=r={SampleRate}:cl=mono",
                AudioKind.Burst => $"anoisesrc=r={SampleRate}:c=pink:a=0.6:seed={a.Seed}",
                _ => $"anoisesrc=r={SampleRate}:c=pink:a=0.08:seed={a.Seed}",
            };
            g.Append(CultureInfo.InvariantCulture, $"{source},atrim=end_sample={samples},asetpts=PTS-STARTPTS[a{i}];\n");
        }

        for (var i = 0; i < audio.Count; i++)
        {
            g.Append(CultureInfo.InvariantCulture, $"[a{i}]");
        }

        g.Append(CultureInfo.InvariantCulture, $"concat=n={audio.Count}:v=0:a=1,aformat=sample_fmts=fltp:channel_layouts=stereo[a]\n");
        return g.ToString();
    }

    private void PlanVideo(Random random)
    {
        var fps = Spec.FrameRate.Value;
        long frame = 0;
        var previous = string.Empty;
        var previousColour = string.Empty;
        while (frame < TotalFrames)
        {
            string pattern;
            long frames;
            if (frame > 0 && previous != "black" && random.NextDouble() < 0.2)
            {
                pattern = "black";
                frames = (long)Math.Round(fps * (0.8 + random.NextDouble()));
            }
            else
            {
                do
                {
                    pattern = Patterns[random.Next(Patterns.Length)];
                }
                while (pattern == previous && pattern != "color");
                frames = (long)Math.Round(fps * (2.0 + (random.NextDouble() * 4.0)));
            }

            var colour = string.Empty;
            if (pattern == "color")
            {
                do
                {
                    colour = Colours[random.Next(Colours.Length)];
                }
                while (colour == previousColour);
                previousColour = colour;
            }

            var remaining = TotalFrames - frame - frames;
            if (remaining < fps * 2)
            {
                // Never leave a sliver shot at the end; the last shot runs to the end of the match.
                frames = TotalFrames - frame;
            }

            video.Add(new VideoSegment(frame, frames, pattern, colour, random.Next(1, 1000)));
            frame += frames;
            previous = pattern;
        }
    }

    private void PlanAudio(Random random)
    {
        long ms = 0;
        var previous = AudioKind.Bed;
        var first = true;
        while (ms < DurationMs)
        {
            AudioKind kind;
            long length;
            if (!first && previous != AudioKind.Silence && random.NextDouble() < 0.3)
            {
                kind = AudioKind.Silence;
                length = 1000 + random.Next(0, 1500);
            }
            else if (!first && previous == AudioKind.Bed && random.NextDouble() < 0.45)
            {
                kind = AudioKind.Burst;
                length = 3000 + random.Next(0, 3000);
            }
            else
            {
                kind = AudioKind.Bed;
                length = 3000 + random.Next(0, 6000);
            }

            if (DurationMs - ms - length < 2000)
            {
                length = DurationMs - ms;
            }

            audio.Add(new AudioSegment(new TimeRange(ms, ms + length), kind, random.Next(1, 100000)));
            ms += length;
            previous = kind;
            first = false;
        }
    }

    /// <summary>
    /// A gradients source fully pinned by <paramref name="variation"/>. FFmpeg's gradients picks its end points and
    /// colours at random even when given a seed, which made the same spec render different media on every run (and
    /// cut detection on it pass or fail by chance).
    /// </summary>
    private static string Gradients(int variation, string rate)
    {
        var c0 = Colours[variation % Colours.Length];
        var c1 = Colours[(variation + 1 + (variation / Colours.Length % (Colours.Length - 1))) % Colours.Length];
        return string.Create(CultureInfo.InvariantCulture,
            $"gradients=s=320x180:r={rate}:n=2:c0={c0}:c1={c1}:x0={variation * 37 % 320}:y0={variation * 53 % 180}:x1={319 - (variation * 11 % 320)}:y1={179 - (variation * 7 % 180)}");
    }

    private sealed record VideoSegment(long StartFrame, long Frames, string Pattern, string Colour, int Variation)
    {
        public bool IsStatic => Pattern is "black" or "color" or "smptehdbars" or "rgbtestsrc";
    }

    private sealed record AudioSegment(TimeRange Range, AudioKind Kind, int Seed);

    private enum AudioKind
    {
        Bed,
        Burst,
        Silence,
    }
}
