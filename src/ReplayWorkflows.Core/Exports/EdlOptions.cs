using ReplayWorkflows.Core.Time;

namespace ReplayWorkflows.Core.Exports;

/// <summary>
/// How an EDL is written. Drop frame follows the rate (29.97 and 59.94) unless set; the record side starts at
/// 01:00:00:00 as NLE sequences do (MRE starts at 00:00:00:00); channel <c>B</c> is video plus the track's audio.
/// </summary>
public sealed record EdlOptions(FrameRate Rate, bool? DropFrame = null, long RecordStartFrames = -1, string Channel = "B")
{
    public bool UsesDropFrame => DropFrame ?? Rate.SupportsDropFrame;

    /// <summary>01:00:00:00 at this rate (and drop-frame mode) unless set explicitly.</summary>
    public long RecordStart => RecordStartFrames >= 0
        ? RecordStartFrames
        : Time.Timecode.Parse(UsesDropFrame ? "01:00:00;00" : "01:00:00:00", Rate).ToFrameCount(Rate);
}
