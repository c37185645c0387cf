using System.Globalization;
using ReplayWorkflows.Core.Time;

namespace ReplayWorkflows.Core.Replays;

/// <summary>
/// Parses MRE's <c>SpecifiedTimestamps</c> text: one <c>start,end</c> pair of event-time seconds per line (decimals
/// allowed, up to milliseconds). Seconds are parsed as decimals, so "12.345" is exactly 12 345 ms.
/// </summary>
public static class TimestampList
{
    public static (IReadOnlyList<TimeRange> Ranges, IReadOnlyList<string> Problems) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ranges = new List<TimeRange>();
        var problems = new List<string>();
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split(',');
            if (parts.Length != 2 || Milliseconds(parts[0]) is not { } start || Milliseconds(parts[1]) is not { } end)
            {
                problems.Add($"line {i + 1}: '{line}' is not 'start,end' in seconds with at most three decimals");
            }
            else if (end <= start)
            {
                problems.Add($"line {i + 1}: the end {parts[1].Trim()} s is not after the start {parts[0].Trim()} s");
            }
            else
            {
                ranges.Add(new TimeRange(start, end));
            }
        }

        return (ranges, problems);
    }

    private static long? Milliseconds(string seconds)
    {
        if (!decimal.TryParse(seconds.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var s))
        {
            return null;
        }

        var ms = s * 1000m;
        return ms == decimal.Truncate(ms) && ms <= long.MaxValue ? (long)ms : null;
    }
}
