using ReplayWorkflows.Core.Plugins;
using ReplayWorkflows.Core.Segments;
using ReplayWorkflows.Core.Time;

namespace ReplayWorkflows.Core.Optimization;

/// <summary>
/// MRE's cut-point optimization (mre.md §3.4) on integer milliseconds. For each side, a detector's candidates are the
/// detections covering the point (starting at most <see cref="CoveringLookBackMs"/> before it), else those ending in
/// the window before an in point or starting in the window after an out point. Safe ranges pull the point onto a
/// detection; unsafe ranges push it to the edge of the detection that covers it; a move is never longer than the
/// search window. The first detector that decides a side wins, as in MRE.
/// </summary>
public static class CutPointSearch
{
    /// <summary>How far back a covering detection may start (MRE's MAX_DETECTOR_QUERY_WINDOW_SECS default).</summary>
    public const long CoveringLookBackMs = 60_000;

    /// <summary>Detector data overlapping this range is all an optimizer needs for <paramref name="segment"/>.</summary>
    public static TimeRange DataWindow(Segment segment, long searchWindowMs)
    {
        ArgumentNullException.ThrowIfNull(segment);
        return new TimeRange(Math.Max(0, segment.StartMs - Math.Max(CoveringLookBackMs, searchWindowMs)), segment.EndMs + searchWindowMs);
    }

    public static OptimizedSegment Optimize(Segment segment, IReadOnlyList<DetectorData> detectors, long searchWindowMs, TimeRange limits)
    {
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentNullException.ThrowIfNull(detectors);
        if (searchWindowMs < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(searchWindowMs), "the search window cannot be negative");
        }

        var (start, startOutcome) = Side(segment.StartMs, isStart: true, detectors, searchWindowMs);
        var (end, endOutcome) = Side(segment.EndMs, isStart: false, detectors, searchWindowMs);
        if (start < limits.StartMs || start >= segment.EndMs)
        {
            (start, startOutcome) = (segment.StartMs, OptimizationOutcome.Conflict);
        }

        if (end > limits.EndMs || end <= segment.StartMs)
        {
            (end, endOutcome) = (segment.EndMs, OptimizationOutcome.Conflict);
        }

        if (start >= end)
        {
            (start, startOutcome, end, endOutcome) = (segment.StartMs, OptimizationOutcome.Conflict, segment.EndMs, OptimizationOutcome.Conflict);
        }

        return new OptimizedSegment(segment.Key, segment.StartMs, segment.EndMs, start, end, startOutcome, endOutcome);
    }

    private static (long Point, OptimizationOutcome Outcome) Side(long mark, bool isStart, IReadOnlyList<DetectorData> detectors, long window)
    {
        var opto = mark;
        var ok = false;
        var clamped = false;
        foreach (var detector in detectors)
        {
            foreach (var d in Candidates(detector.Points, mark, isStart, window))
            {
                var inside = d.StartMs <= mark && mark <= d.EndMs;
                var move = detector.Bias == CutBias.Safe ? !inside : inside;
                if (!move)
                {
                    ok = true;
                    continue;
                }

                if (ok)
                {
                    break;
                }

                var target = isStart ? d.StartMs : d.EndMs;
                clamped = Math.Abs(target - mark) > window;
                opto = clamped ? mark + (Math.Sign(target - mark) * window) : target;
                ok = true;
            }
        }

        var outcome = !ok ? OptimizationOutcome.NoDetection : clamped ? OptimizationOutcome.ClampedToWindow : OptimizationOutcome.Succeeded;
        return (Math.Max(0, opto), outcome);
    }

    private static IEnumerable<DataPoint> Candidates(IReadOnlyList<DataPoint> points, long mark, bool isStart, long window)
    {
        var covering = points.Where(p => p.StartMs >= mark - CoveringLookBackMs && p.StartMs <= mark && p.EndMs >= mark)
            .OrderBy(p => p.StartMs).ThenBy(p => p.EndMs).ToList();
        if (covering.Count > 0)
        {
            return covering;
        }

        return isStart
            ? points.Where(p => p.EndMs >= mark - window && p.EndMs <= mark).OrderBy(p => p.StartMs).ThenBy(p => p.EndMs)
            : points.Where(p => p.StartMs >= mark && p.StartMs <= mark + window).OrderBy(p => p.StartMs).ThenBy(p => p.EndMs);
    }
}
