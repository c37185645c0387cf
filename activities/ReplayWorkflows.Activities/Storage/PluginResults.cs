using ReplayWorkflows.Core.Plugins;
using ReplayWorkflows.Core.Time;
using ReplayWorkflows.Data;
using ReplayWorkflows.Data.Records;

namespace ReplayWorkflows.Activities.Storage;

/// <summary>
/// Plugin outputs between the domain's <see cref="DataPoint"/>s and the data plane's rows: flags, values and label
/// travel in the row's JSON payload; audio track 0 means a video plugin.
/// </summary>
internal static class PluginResults
{
    private sealed record Payload(IReadOnlyDictionary<string, bool> Flags, IReadOnlyDictionary<string, double> Values, string? Label);

    public static PluginResultRecord ToRecord(string eventId, string plugin, int version, int? track, int chunk, DataPoint point) =>
        new(eventId, plugin, track ?? 0, point.StartMs, point.EndMs, chunk,
            PipelineJson.Serialize(new Payload(point.Flags, point.Values, point.Label)), version.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static DataPoint ToPoint(PluginResultRecord record)
    {
        var payload = PipelineJson.Deserialize<Payload>(record.PayloadJson, $"result of {record.PluginName} at {record.StartMs} ms");
        return new DataPoint(record.StartMs, record.EndMs, payload.Flags ?? new Dictionary<string, bool>(), payload.Values ?? new Dictionary<string, double>(), payload.Label);
    }

    /// <summary>Rows grouped into one <see cref="PluginData"/> per plugin and track, points in time order.</summary>
    public static IReadOnlyList<PluginData> Group(IEnumerable<PluginResultRecord> records) =>
        records.GroupBy(r => (r.PluginName, r.AudioTrack))
            .OrderBy(g => g.Key.PluginName, StringComparer.Ordinal).ThenBy(g => g.Key.AudioTrack)
            .Select(g => new PluginData(g.Key.PluginName, g.Key.AudioTrack == 0 ? null : g.Key.AudioTrack,
                g.Select(ToPoint).OrderBy(p => p.StartMs).ThenBy(p => p.EndMs).ToList()))
            .ToList();

    /// <summary>The named plugins' data from one chunk.</summary>
    public static async Task<IReadOnlyList<PluginData>> OfChunkAsync(IDataPlane data, string eventId, int chunk, IReadOnlyList<string> plugins, CancellationToken cancellationToken)
    {
        if (plugins.Count == 0)
        {
            return [];
        }

        var rows = await data.PluginResults.QueryAsync(new PluginResultQuery(eventId) { PluginNames = plugins, ChunkNumber = chunk }, cancellationToken).ConfigureAwait(false);
        return Group(rows);
    }

    /// <summary>The named plugins' data that touches a range of event time (all plugins when <paramref name="plugins"/> is null).</summary>
    public static async Task<IReadOnlyList<PluginData>> OverlappingAsync(IDataPlane data, string eventId, TimeRange range, IReadOnlyList<string>? plugins, CancellationToken cancellationToken)
    {
        if (plugins is { Count: 0 })
        {
            return [];
        }

        var rows = await data.PluginResults.QueryAsync(new PluginResultQuery(eventId) { PluginNames = plugins, Overlapping = range }, cancellationToken).ConfigureAwait(false);
        return Group(rows);
    }
}
