using System.Globalization;
using System.Text.RegularExpressions;

namespace ReplayWorkflows.Cli.Parsing;

/// <summary>
/// Durations as people type them: <c>90m</c>, <c>2h</c>, <c>3600s</c>, <c>1h30m</c>, <c>500ms</c>, or a TimeSpan
/// (<c>01:30:00</c>, <c>1.02:00:00</c>). A bare number is refused: its unit would be a guess.
/// </summary>
internal static partial class DurationText
{
    public const string Forms = "use e.g. 90m, 2h, 3600s, 1h30m or 01:30:00";

    /// <summary>The duration <paramref name="text"/> names; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static TimeSpan Parse(string? text)
    {
        var value = (text ?? "").Trim();
        if (value.Length == 0)
        {
            throw new FormatException($"a duration is empty: {Forms}");
        }

        TimeSpan result;
        if (value.Contains(':', StringComparison.Ordinal))
        {
            if (!TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out result))
            {
                throw new FormatException($"'{value}' is not a duration: {Forms}");
            }
        }
        else
        {
            var match = Units().Match(value);
            if (!match.Success)
            {
                throw new FormatException($"'{value}' is not a duration: {Forms}");
            }

            result = TimeSpan.Zero;
            var parts = match.Groups["n"].Captures;
            var units = match.Groups["u"].Captures;
            for (var i = 0; i < parts.Count; i++)
            {
                var n = double.Parse(parts[i].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
                result += units[i].Value.ToLowerInvariant() switch
                {
                    "ms" => TimeSpan.FromMilliseconds(n),
                    "s" => TimeSpan.FromSeconds(n),
                    "m" => TimeSpan.FromMinutes(n),
                    _ => TimeSpan.FromHours(n),
                };
            }
        }

        if (result <= TimeSpan.Zero)
        {
            throw new FormatException($"duration '{value}' must be positive");
        }

        return result;
    }

    [GeneratedRegex(@"^(?:(?<n>\d+(?:\.\d+)?)(?<u>ms|h|m|s))+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Units();
}
