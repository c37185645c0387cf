namespace ReplayWorkflows.Bench;

/// <summary>
/// Where a live segment's delay goes, from the arrival of the chunk that completes it to its clips: noticing the
/// chunk and starting its workflow, analysing it, the in-order segment stages, rendering, recording the clips.
/// </summary>
internal sealed class LiveStages
{
    private readonly List<double> noticed = [];
    private readonly List<double> analysed = [];
    private readonly List<double> segmented = [];
    private readonly List<double> rendered = [];
    private readonly List<double> recorded = [];

    public void Add(long arrivalUnixMs, DateTime chunkStart, DateTime chunkClose, DateTime clipStart, DateTime clipClose, long readyUnixMs)
    {
        static double Ms(DateTime t) => new DateTimeOffset(t, TimeSpan.Zero).ToUnixTimeMilliseconds();
        noticed.Add(Ms(chunkStart) - arrivalUnixMs);
        analysed.Add(Ms(chunkClose) - Ms(chunkStart));
        segmented.Add(Ms(clipStart) - Ms(chunkClose));
        rendered.Add(Ms(clipClose) - Ms(clipStart));
        recorded.Add(readyUnixMs - Ms(clipClose));
    }

    public void Print()
    {
        if (noticed.Count == 0)
        {
            return;
        }

        // Clips are recorded inside the render activity, so "recorded" is negative: it is part of "rendered".
        Console.WriteLine(
            $"live delay by stage (p50): chunk noticed {Median(noticed):0} ms, analysed {Median(analysed):0} ms, segment stages {Median(segmented):0} ms, "
            + $"clips rendered {Median(rendered):0} ms (of which after the clip records {-Median(recorded):0} ms)");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
