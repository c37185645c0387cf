namespace ReplayWorkflows.Core.Plugins;

/// <summary>The data points one plugin produced (for one audio track when it is an audio plugin), in time order.</summary>
public sealed record PluginData(string Plugin, int? AudioTrack, IReadOnlyList<DataPoint> Points)
{
    /// <summary>Finds one plugin's data (and track) in a list of dependency outputs; empty when absent.</summary>
    public static IReadOnlyList<DataPoint> PointsOf(IEnumerable<PluginData> data, string plugin, int? audioTrack = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var found = data.Where(d => string.Equals(d.Plugin, plugin, StringComparison.Ordinal)
            && (audioTrack is null || d.AudioTrack == audioTrack)).ToList();
        return found.Count switch
        {
            0 => [],
            1 => found[0].Points,
            _ => found.SelectMany(d => d.Points).OrderBy(p => p.StartMs).ThenBy(p => p.EndMs).ToList(),
        };
    }
}
