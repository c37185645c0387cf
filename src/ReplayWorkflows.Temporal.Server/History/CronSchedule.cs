using System.Globalization;
using System.Text.RegularExpressions;
using Cronos;

namespace ReplayWorkflows.Temporal.Server.History;

/// <summary>
/// A workflow's cron schedule in Temporal's syntax: five standard fields or a descriptor (@hourly, @daily...),
/// <c>@every &lt;duration&gt;</c> (Go duration syntax, anchored at the run's start), and an optional
/// <c>CRON_TZ=Zone</c> prefix (UTC otherwise).
/// </summary>
internal sealed partial class CronSchedule
{
    private readonly CronExpression? expression;
    private readonly TimeSpan every;
    private readonly TimeZoneInfo zone;

    private CronSchedule(CronExpression? expression, TimeSpan every, TimeZoneInfo zone)
    {
        this.expression = expression;
        this.every = every;
        this.zone = zone;
    }

    /// <summary>Parses a schedule; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static CronSchedule Parse(string text)
    {
        var spec = text.Trim();
        var zone = TimeZoneInfo.Utc;
        if (spec.StartsWith("CRON_TZ=", StringComparison.Ordinal) || spec.StartsWith("TZ=", StringComparison.Ordinal))
        {
            var space = spec.IndexOf(' ', StringComparison.Ordinal);
            if (space < 0)
            {
                throw new FormatException($"'{text}' has a time zone but no schedule");
            }

            var name = spec[(spec.IndexOf('=', StringComparison.Ordinal) + 1)..space];
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(name, out var found))
            {
                throw new FormatException($"unknown time zone '{name}'");
            }

            zone = found;
            spec = spec[(space + 1)..].Trim();
        }

        if (spec.StartsWith("@every ", StringComparison.Ordinal))
        {
            var interval = ParseGoDuration(spec["@every ".Length..].Trim());
            return interval >= TimeSpan.FromSeconds(1)
                ? new CronSchedule(null, interval, zone)
                : throw new FormatException($"'{text}': @every needs an interval of at least one second");
        }

        try
        {
            return new CronSchedule(CronExpression.Parse(spec, CronFormat.Standard), TimeSpan.Zero, zone);
        }
        catch (CronFormatException e)
        {
            throw new FormatException($"'{text}' is not a cron schedule: {e.Message}", e);
        }
    }

    /// <summary>How long after <paramref name="now"/> the next run starts; <paramref name="anchor"/> aligns @every.</summary>
    public TimeSpan BackoffFrom(DateTimeOffset now, DateTimeOffset anchor)
    {
        if (expression is null)
        {
            var elapsed = now - anchor;
            var periods = elapsed <= TimeSpan.Zero ? 1 : (long)Math.Floor(elapsed / every) + 1;
            return anchor + (every * periods) - now;
        }

        var next = expression.GetNextOccurrence(now, zone, inclusive: false);
        return next is { } due ? due - now : TimeSpan.MaxValue;
    }

    /// <summary>Go's duration syntax as Temporal accepts it in @every: a sequence like 1h30m, 90s, 1.5h.</summary>
    internal static TimeSpan ParseGoDuration(string text)
    {
        var matches = GoDurationPart().Matches(text);
        if (text.Length == 0 || matches.Sum(m => m.Length) != text.Length)
        {
            throw new FormatException($"'{text}' is not a duration (examples: 30s, 5m, 1h30m)");
        }

        var total = TimeSpan.Zero;
        foreach (Match m in matches)
        {
            var value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            total += m.Groups[2].Value switch
            {
                "ns" => TimeSpan.FromTicks((long)(value / 100)),
                "us" or "µs" => TimeSpan.FromTicks((long)(value * 10)),
                "ms" => TimeSpan.FromMilliseconds(value),
                "s" => TimeSpan.FromSeconds(value),
                "m" => TimeSpan.FromMinutes(value),
                _ => TimeSpan.FromHours(value),
            };
        }

        return total;
    }

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)")]
    private static partial Regex GoDurationPart();
}
