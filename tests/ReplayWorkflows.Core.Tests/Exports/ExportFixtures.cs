using ReplayWorkflows.Core.Exports;
using ReplayWorkflows.Core.Replays;
using ReplayWorkflows.Core.Segments;
using ReplayWorkflows.Core.Time;

namespace ReplayWorkflows.Core.Tests.Exports;

/// <summary>A small fixed event used by the golden-file tests.</summary>
internal static class ExportFixtures
{
    public static EventExportInfo Info(FrameRate rate) => new(
        "evt-0001", "Cup Final", "Football", "soccer-excitement", rate, [2, 1], "cup-final.ts",
        ["Loud", "SceneChange", "Silence", "HighExcitement"]);

    public static IReadOnlyList<ExportSegment> Segments { get; } =
    [
        new("ExcitementSegmenter", 12_400, 27_000, SegmentCloseReason.Classifier, 11_900, 27_480, "Goal",
            [new("ExcitementLabeler", "HighExcitement", true), new("Loudness", "Loud", true)], SegmentFeedback.Like),
        new("ExcitementSegmenter", 31_000, 38_500, SegmentCloseReason.Classifier, null, null, "Chance",
            [new("Loudness", "Loud", true)]),
        new("ExcitementSegmenter", 59_950, 61_010, SegmentCloseReason.Classifier, null, null, null, [], SegmentFeedback.Dislike),
        new("ExcitementSegmenter", 595_000, 715_000, SegmentCloseReason.MaxLength, 594_500, 715_000, "Celebration",
            [new("ExcitementLabeler", "HighExcitement", true)]),
        new("ExcitementSegmenter", 5_396_000, 5_400_000, SegmentCloseReason.EventEnd, null, null, null, []),
    ];

    public static IReadOnlyList<ReplayCandidate> Candidates { get; } = Segments.Select(s =>
        new ReplayCandidate(new SegmentKey("evt-0001", s.Classifier, s.StartMs), s.StartMs, s.EndMs, s.OptoStartMs, s.OptoEndMs, s.Features, s.Feedback, 1)).ToList();

    public static ReplayRequest Request { get; } = new(
        "highlights-2min", ReplayMode.Duration,
        [new FeatureSelector("ExcitementLabeler", "HighExcitement", Weight: 80), new FeatureSelector("Loudness", "Loud", Weight: 30)],
        AudioTrack: 1, DurationMs: 120_000, ToleranceMs: 20_000, IncludeLiked: true, IgnoreDisliked: true, CatchUp: true);
}
