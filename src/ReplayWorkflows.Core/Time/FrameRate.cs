using System.Globalization;
using System.Text.Json.Serialization;

namespace ReplayWorkflows.Core.Time;

/// <summary>
/// A video frame rate as an exact rational (frames per second = <see cref="Numerator"/> / <see cref="Denominator"/>),
/// so 29.97 is 30000/1001 and every conversion is integer arithmetic.
/// </summary>
public readonly record struct FrameRate
{
    // Structs deserialise through their parameterless constructor unless told otherwise; this keeps the checks.
    [JsonConstructor]
    public FrameRate(int numerator, int denominator)
    {
        if (numerator <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(numerator), "a frame rate must be positive");
        }

        if (denominator <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(denominator), "a frame rate must be positive");
        }

        Numerator = numerator;
        Denominator = denominator;
    }

    public static FrameRate Fps23976 { get; } = new(24000, 1001);

    public static FrameRate Fps24 { get; } = new(24, 1);

    public static FrameRate Fps25 { get; } = new(25, 1);

    public static FrameRate Fps2997 { get; } = new(30000, 1001);

    public static FrameRate Fps30 { get; } = new(30, 1);

    public static FrameRate Fps50 { get; } = new(50, 1);

    public static FrameRate Fps5994 { get; } = new(60000, 1001);

    public static FrameRate Fps60 { get; } = new(60, 1);

    /// <summary>The rates the timecode conversions are specified and tested for.</summary>
    public static IReadOnlyList<FrameRate> Standard { get; } =
        [Fps23976, Fps24, Fps25, Fps2997, Fps30, Fps50, Fps5994, Fps60];

    public int Numerator { get; }

    public int Denominator { get; }

    /// <summary>The integer frame count per timecode second: 30 for 29.97, 24 for 23.976.</summary>
    public int NominalFps => (Numerator + Denominator - 1) / Denominator;

    /// <summary>Drop-frame timecode exists only for the NTSC rates 29.97 and 59.94.</summary>
    public bool SupportsDropFrame => Denominator == 1001 && NominalFps % 30 == 0 && (long)NominalFps * 1000 == (long)Numerator;

    /// <summary>The frame that contains event time <paramref name="timeMs"/> (frame k covers [k/fps, (k+1)/fps)).</summary>
    public long FrameAt(long timeMs)
    {
        if (timeMs < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(timeMs), "event time is never negative");
        }

        return checked(timeMs * Numerator) / (1000L * Denominator);
    }

    /// <summary>
    /// The first whole millisecond at or after the start of frame <paramref name="frame"/>. Frames are longer than a
    /// millisecond, so <c>FrameAt(StartOfFrameMs(k)) == k</c> for every frame.
    /// </summary>
    public long StartOfFrameMs(long frame)
    {
        if (frame < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(frame), "frame numbers are never negative");
        }

        var numerator = checked(frame * 1000L * Denominator);
        return (numerator + Numerator - 1) / Numerator;
    }

    /// <summary>Parses <c>25</c>, <c>29.97</c>, <c>23.976</c>, <c>59.94</c> or an exact <c>30000/1001</c>.</summary>
    public static FrameRate Parse(string text)
    {
        if (TryParse(text, out var rate))
        {
            return rate;
        }

        throw new FormatException($"'{text}' is not a frame rate; use an integer (25), 23.976, 29.97, 59.94 or a ratio such as 30000/1001");
    }

    public static bool TryParse(string? text, out FrameRate rate)
    {
        rate = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            if (int.TryParse(text.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                && int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var d)
                && n > 0 && d > 0)
            {
                rate = new FrameRate(n, d);
                return true;
            }

            return false;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var whole))
        {
            if (whole <= 0)
            {
                return false;
            }

            rate = new FrameRate(whole, 1);
            return true;
        }

        // The NTSC family is written with a truncated decimal; map those spellings to their exact ratios.
        switch (text)
        {
            case "23.976" or "23.98":
                rate = Fps23976;
                return true;
            case "29.97":
                rate = Fps2997;
                return true;
            case "59.94":
                rate = Fps5994;
                return true;
            case "47.952":
                rate = new FrameRate(48000, 1001);
                return true;
            default:
                return false;
        }
    }

    public override string ToString() => Denominator == 1
        ? Numerator.ToString(CultureInfo.InvariantCulture)
        : $"{Numerator.ToString(CultureInfo.InvariantCulture)}/{Denominator.ToString(CultureInfo.InvariantCulture)}";
}
