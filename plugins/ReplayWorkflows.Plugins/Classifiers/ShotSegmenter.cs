using ReplayWorkflows.Core.Plugins;
using ReplayWorkflows.Core.Segments;
using ReplayWorkflows.Plugins.Featurers;

namespace ReplayWorkflows.Plugins.Classifiers;

/// <summary>
/// One segment per shot: each scene change ends the open shot and starts the next. A cut that comes less than
/// <c>minShotMs</c> after the open shot's start is ignored, so a short shot merges into the one after it. A shot that
/// runs past <c>maxShotMs</c> without a cut is split there and goes on as a new piece, so long shots still tile the
/// event. Shots longer than the profile's maximum are closed at the cap by the segment state machine; the next cut
/// opens a new shot.
/// </summary>
public sealed class ShotSegmenter : IClassifier
{
    public PluginDescriptor Descriptor { get; } = Descriptors.Get(BuiltInPlugins.ShotSegmenter);

    public ClassifierResult Classify(ClassifierInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var minShot = Settings.Integer(Descriptor, input.Configuration, "minShotMs");
        var maxShot = Settings.Integer(Descriptor, input.Configuration, "maxShotMs");
        var chunk = input.Chunk;
        var context = input.Context;
        var marks = new List<SegmentMark>();
        var open = context.OpenSegmentStartMs;

        // The event's first shot starts with its first media, where there is no cut to detect.
        if (open is null && context.LastClosed is null)
        {
            open = chunk.StartMs;
            marks.Add(SegmentMark.StartAt(chunk.StartMs));
        }

        var cuts = PluginData.PointsOf(input.Dependencies, BuiltInPlugins.SceneChange)
            .Where(p => p.HasFlag(SceneChangeFeaturer.Flag) && p.StartMs >= chunk.StartMs && p.StartMs < chunk.EndMs)
            .Select(p => p.StartMs)
            .Distinct()
            .Order();
        // A long shot is split at every maxShot after its start that comes before the next cut (or the chunk's end).
        void SplitBefore(long until)
        {
            while (maxShot > 0 && open is { } start && start + maxShot < until && start + maxShot < start + context.MaxSegmentLengthMs)
            {
                var at = start + maxShot;
                if (at >= chunk.StartMs)
                {
                    marks.Add(SegmentMark.EndAt(at));
                    marks.Add(SegmentMark.StartAt(at));
                }

                open = at;
            }
        }

        foreach (var cut in cuts)
        {
            SplitBefore(cut);
            if (open is { } start && start + context.MaxSegmentLengthMs <= cut)
            {
                // The state machine has closed this shot at the cap before this cut; only the new shot is news.
                open = null;
            }

            if (open is not { } current)
            {
                if (context.LastClosed is null || cut >= context.LastClosed.EndMs)
                {
                    marks.Add(SegmentMark.StartAt(cut));
                    open = cut;
                }
            }
            else if (cut - current >= minShot)
            {
                marks.Add(SegmentMark.EndAt(cut));
                marks.Add(SegmentMark.StartAt(cut));
                open = cut;
            }
        }

        SplitBefore(chunk.EndMs);
        return new ClassifierResult(marks);
    }
}
