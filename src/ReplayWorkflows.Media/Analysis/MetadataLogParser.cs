using System.Globalization;

namespace ReplayWorkflows.Media.Analysis;

/// <summary>
/// Reads the text FFmpeg's <c>metadata</c>/<c>ametadata</c> print mode writes:
/// <c>frame:12   pts:12000   pts_time:0.48</c> followed by <c>key=value</c> lines for that frame.
/// </summary>
internal static class MetadataLogParser
{
    public static List<MetadataFrame> Parse(IEnumerable<string> lines)
    {
        var frames = new List<MetadataFrame>();
        double? pts = null;
        Dictionary<string, string>? values = null;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.StartsWith("frame:", StringComparison.Ordinal))
            {
                Flush();
                var at = line.IndexOf("pts_time:", StringComparison.Ordinal);
                pts = at >= 0 && double.TryParse(line.AsSpan(at + "pts_time:".Length).Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var t) ? t : null;
                values = new Dictionary<string, string>(StringComparer.Ordinal);
                continue;
            }

            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && values is not null)
            {
                values[line[..eq]] = line[(eq + 1)..];
            }
        }

        Flush();
        return frames;

        void Flush()
        {
            if (pts is { } p && values is not null)
            {
                frames.Add(new MetadataFrame(p, values));
            }

            pts = null;
            values = null;
        }
    }

    public static double? Number(this MetadataFrame frame, string key) =>
        frame.Values.TryGetValue(key, out var text)
        && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
        && double.IsFinite(value)
            ? value
            : null;
}
