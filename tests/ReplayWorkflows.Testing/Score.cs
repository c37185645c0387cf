using ReplayWorkflows.Core.Time;

namespace ReplayWorkflows.Testing;

/// <summary>Precision and recall of detections against ground truth, matching each truth item at most once.</summary>
public sealed record Score(int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    public override string ToString() => $"precision {Precision:P1} recall {Recall:P1} (tp {TruePositives}, fp {FalsePositives}, fn {FalseNegatives})";

    public static Score Points(IReadOnlyList<long> truth, IReadOnlyList<long> found, long toleranceMs)
    {
        var unmatched = truth.ToList();
        var tp = 0;
        foreach (var f in found)
        {
            var hit = unmatched.Where(t => Math.Abs(t - f) <= toleranceMs).OrderBy(t => Math.Abs(t - f)).Cast<long?>().FirstOrDefault();
            if (hit is { } h)
            {
                unmatched.Remove(h);
                tp++;
            }
        }

        return new Score(tp, found.Count - tp, unmatched.Count);
    }

    public static Score Ranges(IReadOnlyList<TimeRange> truth, IReadOnlyList<TimeRange> found, long toleranceMs)
    {
        var unmatched = truth.ToList();
        var tp = 0;
        foreach (var f in found)
        {
            var hit = unmatched.FirstOrDefault(t => Math.Abs(t.StartMs - f.StartMs) <= toleranceMs && Math.Abs(t.EndMs - f.EndMs) <= toleranceMs);
            if (hit != default)
            {
                unmatched.Remove(hit);
                tp++;
            }
        }

        return new Score(tp, found.Count - tp, unmatched.Count);
    }

    /// <summary>Joins ranges that touch or overlap (a range split at a chunk boundary becomes one again).</summary>
    public static List<TimeRange> Merge(IEnumerable<TimeRange> ranges, long gapMs = 0)
    {
        var merged = new List<TimeRange>();
        foreach (var r in ranges.OrderBy(r => r.StartMs))
        {
            if (merged.Count > 0 && r.StartMs <= merged[^1].EndMs + gapMs)
            {
                merged[^1] = new TimeRange(merged[^1].StartMs, Math.Max(merged[^1].EndMs, r.EndMs));
            }
            else
            {
                merged.Add(r);
            }
        }

        return merged;
    }
}
