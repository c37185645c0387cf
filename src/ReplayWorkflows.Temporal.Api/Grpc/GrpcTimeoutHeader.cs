using System.Globalization;

namespace ReplayWorkflows.Temporal.Api.Grpc;

/// <summary>The <c>grpc-timeout</c> header: at most 8 digits and a unit (H, M, S, m, u, n).</summary>
internal static class GrpcTimeoutHeader
{
    private const long MaxValue = 99_999_999;

    public static bool TryParse(string? value, out TimeSpan timeout)
    {
        timeout = default;
        if (string.IsNullOrEmpty(value) || value.Length < 2 || value.Length > 9)
        {
            return false;
        }

        if (!long.TryParse(value.AsSpan(0, value.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        long? ticks = value[^1] switch
        {
            'H' => amount * TimeSpan.TicksPerHour,
            'M' => amount * TimeSpan.TicksPerMinute,
            'S' => amount * TimeSpan.TicksPerSecond,
            'm' => amount * TimeSpan.TicksPerMillisecond,
            'u' => amount * 10,
            'n' => amount / 100,
            _ => null,
        };
        if (ticks is null)
        {
            return false;
        }

        timeout = TimeSpan.FromTicks(ticks.Value);
        return true;
    }

    /// <summary>Formats a timeout with the finest unit that fits in 8 digits.</summary>
    public static string Format(TimeSpan timeout)
    {
        if (timeout <= TimeSpan.Zero)
        {
            return "1n";
        }

        var ticks = timeout.Ticks;
        if (ticks / 10 <= MaxValue)
        {
            return (ticks / 10).ToString(CultureInfo.InvariantCulture) + "u";
        }

        var ms = (long)Math.Ceiling(timeout.TotalMilliseconds);
        if (ms <= MaxValue)
        {
            return ms.ToString(CultureInfo.InvariantCulture) + "m";
        }

        var s = (long)Math.Ceiling(timeout.TotalSeconds);
        if (s <= MaxValue)
        {
            return s.ToString(CultureInfo.InvariantCulture) + "S";
        }

        var h = (long)Math.Min(MaxValue, Math.Ceiling(timeout.TotalHours));
        return h.ToString(CultureInfo.InvariantCulture) + "H";
    }
}
