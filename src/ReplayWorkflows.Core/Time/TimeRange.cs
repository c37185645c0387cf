using System.Text.Json.Serialization;

namespace ReplayWorkflows.Core.Time;

/// <summary>
/// A half-open range [StartMs, EndMs) of event time in integer milliseconds. Event time 0 is the first key frame
/// of the event's first chunk. Integer milliseconds avoid floating-point equality anywhere in the domain.
/// </summary>
public readonly record struct TimeRange
{
    // Structs deserialise through their parameterless constructor unless told otherwise; this keeps the checks.
    [JsonConstructor]
    public TimeRange(long startMs, long endMs)
    {
        if (endMs < startMs)
        {
            throw new ArgumentOutOfRangeException(nameof(endMs), $"range end {endMs} ms is before its start {startMs} ms");
        }

        StartMs = startMs;
        EndMs = endMs;
    }

    public long StartMs { get; }

    public long EndMs { get; }

    public long DurationMs => EndMs - StartMs;

    public bool Contains(long timeMs) => timeMs >= StartMs && timeMs < EndMs;

    public bool Overlaps(TimeRange other) => StartMs < other.EndMs && other.StartMs < EndMs;

    public override string ToString() => $"[{StartMs} ms, {EndMs} ms)";
}
