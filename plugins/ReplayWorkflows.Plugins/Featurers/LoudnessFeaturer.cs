using ReplayWorkflows.Core.Analysis;
using ReplayWorkflows.Core.Plugins;

namespace ReplayWorkflows.Plugins.Featurers;

/// <summary>
/// Momentary loudness averaged over fixed windows of event time, each flagged Loud when its mean reaches the
/// threshold. Windows sit on a grid anchored at event time 0 (clipped to the chunk), so they line up across chunks
/// and chunk lengths that are multiples of the window give whole windows.
/// </summary>
public sealed class LoudnessFeaturer : IFeaturer
{
    public const string Flag = "Loud";
    public const string MeanLufs = "MeanLufs";

    /// <summary>ebur128's floor; digital silence is reported at this level.</summary>
    internal const double FloorLufs = -120;

    public PluginDescriptor Descriptor { get; } = Descriptors.Get(BuiltInPlugins.Loudness);

    public FeaturerResult Analyse(FeaturerInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var windowMs = Settings.Integer(Descriptor, input.Configuration, "windowMs");
        var loud = Settings.Number(Descriptor, input.Configuration, "loudThresholdLufs");
        var samples = RangeDetections.Track(input)?.Loudness ?? [];
        var span = input.Chunk.Span;
        var points = new List<DataPoint>();
        foreach (var window in samples.Where(s => span.Contains(s.TimeMs)).GroupBy(s => FloorDiv(s.TimeMs, windowMs)).OrderBy(g => g.Key))
        {
            var start = Math.Max(span.StartMs, window.Key * windowMs);
            var end = Math.Min(span.EndMs, (window.Key + 1) * windowMs);
            var mean = EnergyMean(window);
            points.Add(DataPoint.Range(start, end,
                new Dictionary<string, bool> { [Flag] = mean >= loud },
                new Dictionary<string, double> { [MeanLufs] = Math.Round(mean, 2) }));
        }

        return new FeaturerResult(points);
    }

    // LUFS are logarithmic: averaging the dB numbers would let one quiet moment drag a loud window far down, so the
    // mean is taken over power and converted back, as loudness meters integrate.
    private static double EnergyMean(IEnumerable<LoudnessSample> samples)
    {
        var power = samples.Select(s => double.IsFinite(s.MomentaryLufs) ? Math.Max(s.MomentaryLufs, FloorLufs) : FloorLufs)
            .Average(l => Math.Pow(10, l / 10));
        return Math.Max(FloorLufs, 10 * Math.Log10(power));
    }

    private static long FloorDiv(long a, long b) => (a / b) - (a % b < 0 ? 1 : 0);
}
