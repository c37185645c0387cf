using ReplayWorkflows.Core.Plugins;
using ReplayWorkflows.Core.Time;

namespace ReplayWorkflows.Plugins.Featurers;

/// <summary>Shared rule of the range detectors (black, freeze, silence): ranges of at least a minimum length, flagged.</summary>
internal static class RangeDetections
{
    public static List<DataPoint> Flag(IEnumerable<TimeRange> ranges, TimeRange chunk, long minDurationMs, string flag)
    {
        var flags = new Dictionary<string, bool> { [flag] = true };

        // The media layer clips ranges to the chunk. A range touching a chunk edge may continue in the neighbour, so its
        // real length is unknown here; dropping it as "too short" would lose half of every range that spans a boundary.
        return ranges
            .Where(r => r.DurationMs >= minDurationMs || (r.DurationMs > 0 && (r.StartMs <= chunk.StartMs || r.EndMs >= chunk.EndMs)))
            .OrderBy(r => r.StartMs)
            .Select(r => DataPoint.Range(r.StartMs, r.EndMs, flags))
            .ToList();
    }

    /// <summary>The audio analysis of the plugin's track (track 1 when the caller names none).</summary>
    public static Core.Analysis.AudioAnalysis? Track(FeaturerInput input) =>
        input.Chunk.Audio.FirstOrDefault(a => a.Track == (input.AudioTrack ?? 1));
}
