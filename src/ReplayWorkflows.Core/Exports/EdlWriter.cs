using System.Globalization;
using System.Text;
using ReplayWorkflows.Core.Time;

namespace ReplayWorkflows.Core.Exports;

/// <summary>
/// Writes CMX 3600 edit decision lists in the standard 76-column layout: event number, reel (8), channel (4),
/// transition, then source in/out and record in/out timecodes. Source timecodes are event time (from 00:00:00:00),
/// record timecodes are contiguous from the record start, and each event is followed by its
/// <c>* FROM CLIP NAME:</c> comment. Out points are exclusive. Lines end with LF; the output is byte-for-byte
/// deterministic.
/// </summary>
public static class EdlWriter
{
    public static string Write(string title, IEnumerable<EdlClip> clips, EdlOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(clips);
        ArgumentNullException.ThrowIfNull(options);
        var rate = options.Rate;
        var drop = options.UsesDropFrame;
        var sb = new StringBuilder();
        sb.Append("TITLE: ").Append(OneLine(title)).Append('\n');
        sb.Append(drop ? "FCM: DROP FRAME" : "FCM: NON-DROP FRAME").Append('\n');
        sb.Append('\n');

        var record = options.RecordStart;
        var number = 0;
        foreach (var clip in clips)
        {
            var sourceIn = rate.FrameAt(clip.SourceInMs);
            var sourceOut = rate.FrameAt(clip.SourceOutMs);
            if (sourceOut <= sourceIn)
            {
                // Shorter than a frame at this rate: nothing to edit.
                continue;
            }

            number++;
            var recordOut = record + (sourceOut - sourceIn);
            sb.Append(CultureInfo.InvariantCulture, $"{number:000}  {Field(clip.Reel, 8)} {Field(options.Channel, 4)}  C        ")
                .Append(Tc(sourceIn, rate, drop)).Append(' ')
                .Append(Tc(sourceOut, rate, drop)).Append(' ')
                .Append(Tc(record, rate, drop)).Append(' ')
                .Append(Tc(recordOut, rate, drop)).Append('\n');
            sb.Append("* FROM CLIP NAME: ").Append(OneLine(clip.ClipName)).Append('\n');
            sb.Append('\n');
            record = recordOut;
        }

        return sb.ToString();
    }

    private static string Tc(long frames, FrameRate rate, bool drop) => Timecode.FromFrameCount(frames, rate, drop).ToString();

    private static string Field(string value, int width)
    {
        var clean = OneLine(value).Replace(' ', '_');
        return clean.Length >= width ? clean[..width] : clean.PadRight(width);
    }

    private static string OneLine(string value) => value.ReplaceLineEndings(" ").Trim();
}
