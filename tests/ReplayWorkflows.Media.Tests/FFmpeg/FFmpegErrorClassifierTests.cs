using ReplayWorkflows.Media.FFmpeg;

namespace ReplayWorkflows.Media.Tests.FFmpeg;

public sealed class FFmpegErrorClassifierTests
{
    [Theory]
    [InlineData("x.ts: No such file or directory", FFmpegErrorKind.MissingInput)]
    [InlineData("Error writing trailer of out.mp4: No space left on device", FFmpegErrorKind.DiskFull)]
    [InlineData("Decoder (codec hevc) not found for input stream #0:0", FFmpegErrorKind.UnsupportedCodec)]
    [InlineData("[h264 @ 0x5] error while decoding MB 18 16, bytestream -16", FFmpegErrorKind.CorruptData)]
    [InlineData("x.ts: Invalid data found when processing input", FFmpegErrorKind.CorruptData)]
    [InlineData("something unexpected happened", FFmpegErrorKind.Failed)]
    public void Stderr_lines_map_to_error_kinds(string line, FFmpegErrorKind kind) =>
        FFmpegErrorClassifier.Classify(["frame=  10", line]).ShouldBe(kind);

    [Fact]
    public void The_reason_is_the_line_that_explains_the_failure()
    {
        FFmpegErrorClassifier.Reason(["Input #0, mpegts", "  x.ts: Invalid data found when processing input  ", "Conversion failed!"])
            .ShouldBe("x.ts: Invalid data found when processing input");
        FFmpegErrorClassifier.Reason(["first", "last words", string.Empty]).ShouldBe("last words");
    }

    [Theory]
    [InlineData("[h264 @ 0x55f7] co located POCs unavailable", true)]
    [InlineData("[h264 @ 0x55f7] mmco: unref short failure", true)]
    [InlineData("[h264 @ 0x55f7] error while decoding MB 3 4, bytestream -2", false)]
    public void Open_gop_start_messages_are_benign_and_real_decode_errors_are_not(string line, bool benign) =>
        FFmpegErrorClassifier.IsBenign(line).ShouldBe(benign);
}
