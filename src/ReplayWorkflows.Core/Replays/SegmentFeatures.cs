using ReplayWorkflows.Core.Plugins;
using ReplayWorkflows.Core.Segments;

namespace ReplayWorkflows.Core.Replays;

/// <summary>
/// Collects the features of a segment for replay selection: every boolean flag of every data point inside the
/// segment (original bounds, as MRE caches them), plus the labeler's features, deduplicated and sorted.
/// </summary>
public static class SegmentFeatures
{
    public static IReadOnlyList<FeatureValue> Collect(Segment segment, IEnumerable<PluginData> data, string? labeler = null, LabelerResult? label = null)
    {
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentNullException.ThrowIfNull(data);
        var features = new SortedSet<FeatureValue>(Comparer<FeatureValue>.Create((a, b) =>
        {
            var c = string.CompareOrdinal(a.Plugin, b.Plugin);
            c = c != 0 ? c : string.CompareOrdinal(a.Attribute, b.Attribute);
            return c != 0 ? c : a.Value.CompareTo(b.Value);
        }));
        foreach (var d in data)
        {
            foreach (var p in d.Points.Where(p => p.Touches(segment.StartMs, segment.EndMs)))
            {
                foreach (var (name, value) in p.Flags)
                {
                    features.Add(new FeatureValue(d.Plugin, name, value));
                }
            }
        }

        if (labeler is not null && label is not null)
        {
            foreach (var (name, value) in label.Features)
            {
                features.Add(new FeatureValue(labeler, name, value));
            }
        }

        return [.. features];
    }
}
