using System.Globalization;
using ReplayWorkflows.Core.Time;

namespace ReplayWorkflows.Media.FFmpeg;

/// <summary>An exact ratio such as a frame rate (30000/1001); FFmpeg reports rates this way and floats would drift.</summary>
public readonly record struct Rational(long Numerator, long Denominator)
{
    public static Rational Fps25 { get; } = new(25, 1);

    public static Rational Fps2997 { get; } = new(30000, 1001);

    public bool IsValid => Numerator > 0 && Denominator > 0;

    public double Value => (double)Numerator / Denominator;

    /// <summary>The duration of one frame at this rate, in whole milliseconds (rounded).</summary>
    public double FrameMs => 1000.0 * Denominator / Numerator;

    /// <summary>The time of frame <paramref name="frame"/> in milliseconds, rounded to the nearest.</summary>
    public long FrameToMs(long frame) => (long)Math.Round(1000.0 * frame * Denominator / Numerator, MidpointRounding.AwayFromZero);

    /// <summary>Core's frame rate (profiles carry their processing frame rate as one) as FFmpeg's ratio.</summary>
    public static implicit operator Rational(FrameRate rate) => FromFrameRate(rate);

    public static Rational FromFrameRate(FrameRate rate) => new(rate.Numerator, rate.Denominator);

    /// <summary>Parses FFmpeg's "num/den" (or a plain number).</summary>
    public static Rational Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return new Rational(long.Parse(text, CultureInfo.InvariantCulture), 1);
        }

        return new Rational(
            long.Parse(text.AsSpan(0, slash), CultureInfo.InvariantCulture),
            long.Parse(text.AsSpan(slash + 1), CultureInfo.InvariantCulture));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Numerator}/{Denominator}");
}
