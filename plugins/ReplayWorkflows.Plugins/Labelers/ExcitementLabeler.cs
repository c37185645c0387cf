using ReplayWorkflows.Core.Plugins;
using ReplayWorkflows.Plugins.Featurers;

namespace ReplayWorkflows.Plugins.Labelers;

/// <summary>
/// Labels a segment by the loudest loudness window inside it: "High excitement" from <c>highLufs</c>, "Excitement"
/// within <see cref="MediumRangeDb"/> below it, else "Low excitement". The HighExcitement feature and the peak travel
/// with the segment for replay selection.
/// </summary>
public sealed class ExcitementLabeler : ILabeler
{
    public const string HighFeature = "HighExcitement";
    public const string PeakLufs = "PeakLufs";
    public const string High = "High excitement";
    public const string Medium = "Excitement";
    public const string Low = "Low excitement";
    public const string Unknown = "No loudness";

    /// <summary>How far below the highlight level a peak still counts as ordinary excitement, in dB.</summary>
    public const double MediumRangeDb = 6;

    public PluginDescriptor Descriptor { get; } = Descriptors.Get(BuiltInPlugins.ExcitementLabeler);

    public LabelerResult Label(LabelerInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var high = Settings.Number(Descriptor, input.Configuration, "highLufs");
        var track = (int)Settings.Integer(Descriptor, input.Configuration, "audioTrack");
        var segment = input.Segment;
        var levels = PluginData.PointsOf(input.Dependencies, BuiltInPlugins.Loudness, track)
            .Where(p => p.Touches(segment.StartMs, segment.EndMs))
            .Select(p => p.ValueOf(LoudnessFeaturer.MeanLufs))
            .OfType<double>()
            .ToList();
        if (levels.Count == 0)
        {
            return new LabelerResult(Unknown, new Dictionary<string, bool> { [HighFeature] = false }, new Dictionary<string, double>());
        }

        var peak = levels.Max();
        var label = peak >= high ? High : peak >= high - MediumRangeDb ? Medium : Low;
        return new LabelerResult(label, new Dictionary<string, bool> { [HighFeature] = peak >= high }, new Dictionary<string, double> { [PeakLufs] = peak });
    }
}
