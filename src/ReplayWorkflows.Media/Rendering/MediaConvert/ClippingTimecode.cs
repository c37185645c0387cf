using System.Globalization;

namespace ReplayWorkflows.Media.Rendering.MediaConvert;

/// <summary>
/// Zero-based <c>HH:MM:SS:FF</c> timecodes for MediaConvert input clippings. Frames are counted at the chunk's
/// frame rate and written with the nominal (rounded) rate as the frame base, as non-drop-frame timecode does.
/// MediaConvert includes the frame at both the start and the end timecode, so a half-open event-time range
/// [start, end) maps to its first frame at or after start and its last frame before end.
/// </summary>
internal static class ClippingTimecode
{
    // Tolerance for millisecond values that land on a frame boundary up to floating-point error.
    private const double Epsilon = 1e-6;

    /// <summary>Index of the first frame at or after <paramref name="ms"/> (relative to the input's start).</summary>
    public static long FirstFrameAtOrAfter(long ms, double frameRate) => (long)Math.Ceiling((ms * frameRate / 1000.0) - Epsilon);

    /// <summary>Index of the last frame strictly before <paramref name="ms"/>.</summary>
    public static long LastFrameBefore(long ms, double frameRate) => FirstFrameAtOrAfter(ms, frameRate) - 1;

    public static string Start(long relativeMs, double frameRate) => Format(FirstFrameAtOrAfter(relativeMs, frameRate), frameRate);

    public static string End(long relativeEndMs, double frameRate) => Format(Math.Max(0, LastFrameBefore(relativeEndMs, frameRate)), frameRate);

    /// <summary>Frame index as <c>HH:MM:SS:FF</c>.</summary>
    public static string Format(long frame, double frameRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frame);
        var nominal = Math.Max(1, (long)Math.Round(frameRate, MidpointRounding.AwayFromZero));
        var seconds = frame / nominal;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{seconds / 3600:00}:{seconds / 60 % 60:00}:{seconds % 60:00}:{frame % nominal:00}");
    }
}
