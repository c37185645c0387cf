using ReplayWorkflows.Core.Plugins;
using ReplayWorkflows.Core.Segments;
using ReplayWorkflows.Plugins.Labelers;
using ReplayWorkflows.Plugins.Tests.Support;

namespace ReplayWorkflows.Plugins.Tests.Labelers;

public sealed class ExcitementLabelerTests
{
    private static readonly Segment Segment = new("event-1", "ExcitementSegmenter", 0, 10_000, SegmentCloseReason.Classifier);

    private static LabelerResult Label(params PluginData[] data) =>
        new ExcitementLabeler().Label(new LabelerInput(Segment, PluginConfiguration.Empty, data));

    [Fact]
    public void A_peak_at_the_highlight_level_is_high_excitement_with_the_feature_and_peak()
    {
        var result = Label(Data.Loudness(0, 2_000, -25, -14, -20));
        result.Label.ShouldBe(ExcitementLabeler.High);
        result.Features[ExcitementLabeler.HighFeature].ShouldBeTrue();
        result.Values[ExcitementLabeler.PeakLufs].ShouldBe(-14);
    }

    [Fact]
    public void Lower_peaks_are_ordinary_or_low_excitement()
    {
        Label(Data.Loudness(0, 2_000, -25, -20)).Label.ShouldBe(ExcitementLabeler.Medium);
        var low = Label(Data.Loudness(0, 2_000, -30, -29));
        low.Label.ShouldBe(ExcitementLabeler.Low);
        low.Features[ExcitementLabeler.HighFeature].ShouldBeFalse();
    }

    [Fact]
    public void Loudness_outside_the_segment_does_not_count()
    {
        // Windows 0..10 s are quiet; the loud one starts where the segment ends.
        Label(Data.Loudness(0, 2_000, -30, -30, -30, -30, -30, -5)).Label.ShouldBe(ExcitementLabeler.Low);
    }

    [Fact]
    public void Without_loudness_data_the_segment_is_labelled_as_unmeasured()
    {
        var result = Label();
        result.Label.ShouldBe(ExcitementLabeler.Unknown);
        result.Values.ShouldBeEmpty();
    }
}
