using System.Globalization;

namespace ReplayWorkflows.Core.Time;

/// <summary>
/// An SMPTE timecode label HH:MM:SS:FF (drop frame: HH:MM:SS;FF). Labels are derived from integer frame counts, never
/// from floating-point seconds. Drop-frame skips frame numbers 00-01 (29.97) or 00-03 (59.94) at the start of every
/// minute that is not a multiple of ten, which keeps the label within a frame of wall-clock time.
/// </summary>
public readonly record struct Timecode(int Hours, int Minutes, int Seconds, int Frames, bool DropFrame)
{
    /// <summary>The label of the frame count <paramref name="frameCount"/> counted from 00:00:00:00.</summary>
    public static Timecode FromFrameCount(long frameCount, FrameRate rate, bool dropFrame)
    {
        if (frameCount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(frameCount), "frame counts are never negative");
        }

        if (dropFrame && !rate.SupportsDropFrame)
        {
            throw new ArgumentException($"drop-frame timecode does not exist at {rate} fps", nameof(dropFrame));
        }

        var fps = rate.NominalFps;
        var labelCount = frameCount;
        if (dropFrame)
        {
            var drop = DroppedPerMinute(rate);
            var framesPerMinute = (fps * 60L) - drop;
            var framesPerTenMinutes = (fps * 600L) - (9L * drop);
            var tens = frameCount / framesPerTenMinutes;
            var rest = frameCount % framesPerTenMinutes;
            // The first minute of each ten keeps every label; each later minute skips `drop` labels.
            labelCount += 9L * drop * tens;
            if (rest >= drop)
            {
                labelCount += drop * ((rest - drop) / framesPerMinute);
            }
        }

        var frames = (int)(labelCount % fps);
        var totalSeconds = labelCount / fps;
        var hours = totalSeconds / 3600;
        if (hours > 99)
        {
            throw new ArgumentOutOfRangeException(nameof(frameCount), "timecode hours stop at 99");
        }

        return new Timecode((int)hours, (int)(totalSeconds / 60 % 60), (int)(totalSeconds % 60), frames, dropFrame);
    }

    /// <summary>The label of the frame that contains event time <paramref name="timeMs"/>.</summary>
    public static Timecode FromMilliseconds(long timeMs, FrameRate rate, bool dropFrame) =>
        FromFrameCount(rate.FrameAt(timeMs), rate, dropFrame);

    /// <summary>The frame count this label stands for (the inverse of <see cref="FromFrameCount"/>).</summary>
    public long ToFrameCount(FrameRate rate)
    {
        var fps = rate.NominalFps;
        Validate(rate);
        var totalMinutes = (60L * Hours) + Minutes;
        var count = ((3600L * Hours) + (60L * Minutes) + Seconds) * fps + Frames;
        if (DropFrame)
        {
            count -= DroppedPerMinute(rate) * (totalMinutes - (totalMinutes / 10));
        }

        return count;
    }

    /// <summary>Parses HH:MM:SS:FF (non-drop) or HH:MM:SS;FF / HH:MM:SS.FF / HH:MM:SS,FF (drop frame).</summary>
    public static Timecode Parse(string text, FrameRate rate)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length != 11 || text[2] != ':' || text[5] != ':')
        {
            throw new FormatException($"'{text}' is not a timecode HH:MM:SS:FF");
        }

        var separator = text[8];
        var dropFrame = separator switch
        {
            ':' => false,
            ';' or '.' or ',' => true,
            _ => throw new FormatException($"'{text}' is not a timecode HH:MM:SS:FF"),
        };
        var tc = new Timecode(Part(text, 0), Part(text, 3), Part(text, 6), Part(text, 9), dropFrame);
        tc.Validate(rate);
        return tc;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Hours:00}:{Minutes:00}:{Seconds:00}{(DropFrame ? ';' : ':')}{Frames:00}");

    private void Validate(FrameRate rate)
    {
        if (Hours is < 0 or > 99 || Minutes is < 0 or > 59 || Seconds is < 0 or > 59 || Frames < 0 || Frames >= rate.NominalFps)
        {
            throw new FormatException($"{this} is not a valid timecode at {rate} fps");
        }

        if (DropFrame)
        {
            if (!rate.SupportsDropFrame)
            {
                throw new FormatException($"{this} is drop frame, which does not exist at {rate} fps");
            }

            if (Seconds == 0 && Minutes % 10 != 0 && Frames < DroppedPerMinute(rate))
            {
                throw new FormatException($"{this} is a dropped label: drop-frame timecode skips it");
            }
        }
    }

    private static int DroppedPerMinute(FrameRate rate) => rate.NominalFps / 15;

    private static int Part(string text, int index) =>
        char.IsAsciiDigit(text[index]) && char.IsAsciiDigit(text[index + 1])
            ? ((text[index] - '0') * 10) + (text[index + 1] - '0')
            : throw new FormatException($"'{text}' is not a timecode HH:MM:SS:FF");
}
