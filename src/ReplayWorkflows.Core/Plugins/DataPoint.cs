namespace ReplayWorkflows.Core.Plugins;

/// <summary>
/// One result of a plugin: a point (Start == End) or a range [Start, End) of event time with its attributes.
/// Boolean <paramref name="Flags"/> are the features replays select on; <paramref name="Values"/> carry scores.
/// </summary>
public sealed record DataPoint(
    long StartMs,
    long EndMs,
    IReadOnlyDictionary<string, bool> Flags,
    IReadOnlyDictionary<string, double> Values,
    string? Label = null)
{
    private static readonly IReadOnlyDictionary<string, bool> NoFlags = new Dictionary<string, bool>();
    private static readonly IReadOnlyDictionary<string, double> NoValues = new Dictionary<string, double>();

    public static DataPoint Range(long startMs, long endMs, IReadOnlyDictionary<string, bool>? flags = null,
        IReadOnlyDictionary<string, double>? values = null, string? label = null)
    {
        if (endMs < startMs)
        {
            throw new ArgumentOutOfRangeException(nameof(endMs), $"data point ends at {endMs} ms, before its start {startMs} ms");
        }

        return new DataPoint(startMs, endMs, flags ?? NoFlags, values ?? NoValues, label);
    }

    public static DataPoint At(long timeMs, IReadOnlyDictionary<string, bool>? flags = null,
        IReadOnlyDictionary<string, double>? values = null, string? label = null) =>
        Range(timeMs, timeMs, flags, values, label);

    public bool IsPoint => StartMs == EndMs;

    /// <summary>True when this point lies in, or this range overlaps, [startMs, endMs).</summary>
    public bool Touches(long startMs, long endMs) =>
        IsPoint ? StartMs >= startMs && StartMs < endMs : StartMs < endMs && EndMs > startMs;

    public bool HasFlag(string name, bool value = true) => Flags.TryGetValue(name, out var v) && v == value;

    public double? ValueOf(string name) => Values.TryGetValue(name, out var v) ? v : null;
}
