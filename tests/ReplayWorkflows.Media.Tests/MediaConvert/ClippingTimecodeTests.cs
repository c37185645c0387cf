using ReplayWorkflows.Media.Rendering.MediaConvert;

namespace ReplayWorkflows.Media.Tests.MediaConvert;

public sealed class ClippingTimecodeTests
{
    [Theory]
    [InlineData(0, 25, "00:00:00:00")]
    [InlineData(2_340, 25, "00:00:02:09")] // 58.5 frames: the first whole frame at or after is 59
    [InlineData(8_000, 25, "00:00:08:00")]
    [InlineData(3_723_040, 25, "01:02:03:01")]
    [InlineData(1_000, 29.97, "00:00:01:00")] // 29.97 frames: frame 30, counted on the nominal base of 30
    [InlineData(500, 50, "00:00:00:25")]
    public void Start_is_the_first_frame_at_or_after_the_time(long ms, double fps, string expected) =>
        ClippingTimecode.Start(ms, fps).ShouldBe(expected);

    [Theory]
    [InlineData(7_500, 25, "00:00:07:12")] // frames before 187.5: the last is 187
    [InlineData(1_020, 25, "00:00:01:00")]
    [InlineData(1_000, 25, "00:00:00:24")] // an end on a frame boundary excludes that frame
    public void End_is_the_last_frame_before_the_time(long ms, double fps, string expected) =>
        ClippingTimecode.End(ms, fps).ShouldBe(expected);
}
