using ReplayWorkflows.Core.Analysis;
using ReplayWorkflows.Core.Plugins;

namespace ReplayWorkflows.Plugins.Featurers;

/// <summary>
/// Momentary loudness averaged over fixed windows of event time, each flagged Loud when its mean reaches the absolute
/// threshold, and Excited when it rises far enough above the chunk's baseline (a low percentile of the chunk's
/// momentary loudness, the crowd bed), with the rise as its level. The baseline adapts to how the broadcast is mixed,
/// where an absolute threshold needs tuning per feed. Windows sit on a grid anchored at event time 0 (clipped to the
/// chunk), so they line up across chunks and chunk lengths that are multiples of the window give whole windows.
/// </summary>
public sealed class LoudnessFeaturer : IFeaturer
{
    public const string Flag = "Loud";
    public const string MeanLufs = "MeanLufs";
    public const string Excited = "Excited";
    public const string BaselineLufs = "BaselineLufs";
    public const string LevelDb = "LevelDb";

    /// <summary>Quieter than this is silence (or digital silence), not the crowd bed: it never sets the baseline.</summary>
    internal const double SilenceLufs = -70;

    /// <summary>ebur128's floor; digital silence is reported at this level.</summary>
    internal const double FloorLufs = -120;

    public PluginDescriptor Descriptor { get; } = Descriptors.Get(BuiltInPlugins.Loudness);

    public FeaturerResult Analyse(FeaturerInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var windowMs = Settings.Integer(Descriptor, input.Configuration, "windowMs");
        var loud = Settings.Number(Descriptor, input.Configuration, "loudThresholdLufs");
        var percentile = Settings.Number(Descriptor, input.Configuration, "baselinePercentile");
        var rise = Settings.Number(Descriptor, input.Configuration, "riseDb");
        var samples = RangeDetections.Track(input)?.Loudness ?? [];
        var span = input.Chunk.Span;
        var inChunk = samples.Where(s => span.Contains(s.TimeMs)).ToList();
        var baseline = Baseline(inChunk, percentile);
        var points = new List<DataPoint>();
        foreach (var window in inChunk.GroupBy(s => FloorDiv(s.TimeMs, windowMs)).OrderBy(g => g.Key))
        {
            var start = Math.Max(span.StartMs, window.Key * windowMs);
            var end = Math.Min(span.EndMs, (window.Key + 1) * windowMs);
            var mean = EnergyMean(window);
            var level = baseline is { } b ? Math.Max(0, mean - b) : 0;
            var values = new Dictionary<string, double> { [MeanLufs] = Math.Round(mean, 2), [LevelDb] = Math.Round(level, 2) };
            if (baseline is { } known)
            {
                values[BaselineLufs] = Math.Round(known, 2);
            }

            points.Add(DataPoint.Range(start, end,
                new Dictionary<string, bool> { [Flag] = mean >= loud, [Excited] = baseline is not null && level >= rise },
                values));
        }

        return new FeaturerResult(points);
    }

    /// <summary>The given percentile of the chunk's momentary loudness above silence; none when the chunk is all silence.</summary>
    private static double? Baseline(List<LoudnessSample> samples, double percentile)
    {
        var levels = samples.Select(s => s.MomentaryLufs).Where(l => double.IsFinite(l) && l > SilenceLufs).Order().ToList();
        if (levels.Count == 0)
        {
            return null;
        }

        var index = (int)Math.Clamp(Math.Ceiling(percentile / 100.0 * levels.Count) - 1, 0, levels.Count - 1);
        return levels[index];
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
