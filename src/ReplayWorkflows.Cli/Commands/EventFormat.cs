using System.Globalization;

namespace ReplayWorkflows.Cli.Commands;

/// <summary>How the event, replay and export commands print times and tables.</summary>
internal static class EventFormat
{
    /// <summary>Milliseconds of event time as seconds, e.g. <c>12.34 s</c>; <c>-</c> when unknown.</summary>
    public static string Seconds(long? ms) => ms is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v / 1000.0:0.00} s") : "-";

    public static string Utc(long? unixMs) =>
        unixMs is { } v ? DateTimeOffset.FromUnixTimeMilliseconds(v).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "-";

    /// <summary>Writes rows as left-aligned columns separated by two spaces.</summary>
    public static async Task WriteTableAsync(TextWriter output, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = new List<IReadOnlyList<string>> { header };
        all.AddRange(rows);
        var widths = header.Select((_, i) => all.Max(r => r[i].Length)).ToArray();
        foreach (var row in all)
        {
            var line = string.Join("  ", row.Select((cell, i) => i == row.Count - 1 ? cell : cell.PadRight(widths[i])));
            await output.WriteLineAsync(line.TrimEnd()).ConfigureAwait(false);
        }
    }
}
