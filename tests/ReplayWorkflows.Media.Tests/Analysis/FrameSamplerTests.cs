using ReplayWorkflows.Media.Analysis;
using ReplayWorkflows.Media.FFmpeg;
using ReplayWorkflows.Media.Tests.Support;

namespace ReplayWorkflows.Media.Tests.Analysis;

[Collection(MediaCollection.Name)]
public sealed class FrameSamplerTests(MediaFixture media)
{
    [Fact]
    public async Task Frames_come_at_the_processing_rate_in_event_time_and_show_the_picture()
    {
        var frames = new List<VideoFrame>();
        await foreach (var frame in new FrameSampler(media.Runner).SampleAsync(media.Match.ChunkPaths[0], 0, new Rational(5, 1), 160))
        {
            frames.Add(frame);
        }

        frames.Count.ShouldBe(MediaFixture.Spec.ChunkSeconds * 5);
        frames.Select(f => f.TimeMs).ShouldBe(Enumerable.Range(0, frames.Count).Select(i => i * 200L));
        frames.ShouldAllBe(f => f.Width == 160 && f.Height == 90 && f.Pixels.Length == 160 * 90);

        // Inside the first black shot every sampled frame is dark; inside moving patterns none is.
        var black = media.Match.Truth.Blacks.First(b => b.EndMs <= MediaFixture.Spec.ChunkSeconds * 1000);
        var means = frames.ToDictionary(f => f.TimeMs, f => f.Pixels.ToArray().Average(b => (double)b));
        var inBlack = means.Where(m => m.Key >= black.StartMs + 100 && m.Key < black.EndMs - 100).Select(m => m.Value).ToList();
        inBlack.ShouldNotBeEmpty();
        inBlack.ShouldAllBe(v => v < 20);
        var moving = media.Match.Truth.Shots.First(s => !s.IsStatic && s.Range.StartMs < (MediaFixture.Spec.ChunkSeconds * 1000) - 1000);
        var inMoving = means.Where(m => moving.Range.Contains(m.Key)).Select(m => m.Value).ToList();
        inMoving.ShouldNotBeEmpty();
        inMoving.ShouldAllBe(v => v > 30);
    }

    [Fact]
    public async Task Stopping_early_returns_promptly_without_an_error()
    {
        var taken = 0;
        await foreach (var frame in new FrameSampler(media.Runner).SampleAsync(media.Match.Mp4Path, 0, new Rational(25, 1), 320, FramePixelFormat.Rgb24))
        {
            frame.Pixels.Length.ShouldBe(320 * 180 * 3);
            if (++taken == 3)
            {
                break;
            }
        }

        taken.ShouldBe(3);
    }
}
