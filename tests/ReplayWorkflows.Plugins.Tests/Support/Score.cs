using ReplayWorkflows.Core.Time;

namespace ReplayWorkflows.Plugins.Tests.Support;

/// <summary>Precision and recall of detections against ground truth; each truth item is matched at most once.</summary>
internal sealed record Score(int TruePositives, int FalsePositives, int FalseNegatives)
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
            var best = unmatched.Where(t => Math.Abs(t - f) <= toleranceMs).OrderBy(t => Math.Abs(t - f)).Take(1).ToList();
            if (best.Count == 1)
            {
                unmatched.Remove(best[0]);
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
            var index = unmatched.FindIndex(t => Math.Abs(t.StartMs - f.StartMs) <= toleranceMs && Math.Abs(t.EndMs - f.EndMs) <= toleranceMs);
            if (index >= 0)
            {
                unmatched.RemoveAt(index);
                tp++;
            }
        }

        return new Score(tp, found.Count - tp, unmatched.Count);
    }

    /// <summary>Joins ranges that touch or overlap, so a range split at a chunk boundary is one again.</summary>
    public static List<TimeRange> Merge(IEnumerable<TimeRange> ranges)
    {
        var merged = new List<TimeRange>();
        foreach (var r in ranges.OrderBy(r => r.StartMs))
        {
            if (merged.Count > 0 && r.StartMs <= merged[^1].EndMs)
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
