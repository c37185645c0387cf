using System.Globalization;
using ReplayWorkflows.Core.Plugins;
using ReplayWorkflows.Core.Segments;
using ReplayWorkflows.Plugins.Featurers;

namespace ReplayWorkflows.Plugins.Classifiers;

/// <summary>
/// A segment around each burst of crowd or commentary loudness, with hysteresis: it opens when a loudness window
/// reaches <c>startLufs</c> and closes once one falls below <c>endLufs</c>. When scene changes are among the data it
/// is given, the segment is widened to whole shots: it starts at the last cut before the burst (at most
/// <see cref="MaxLeadMs"/> earlier) and ends at the first cut after the decay (at most <see cref="MaxTailMs"/> later,
/// else at the decay itself). Waiting for that cut may span chunks; the decay time is the carried state.
/// </summary>
public sealed class ExcitementSegmenter : IClassifier
{
    /// <summary>How far before the burst a segment may start to include the build-up of its shot.</summary>
    public const long MaxLeadMs = 10_000;

    /// <summary>How long after the decay the segment waits for a cut before ending at the decay.</summary>
    public const long MaxTailMs = 8_000;

    public PluginDescriptor Descriptor { get; } = Descriptors.Get(BuiltInPlugins.ExcitementSegmenter);

    public ClassifierResult Classify(ClassifierInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var startLufs = Settings.Number(Descriptor, input.Configuration, "startLufs");
        var endLufs = Settings.Number(Descriptor, input.Configuration, "endLufs");
        var track = (int)Settings.Integer(Descriptor, input.Configuration, "audioTrack");
        var chunk = input.Chunk;
        var context = input.Context;

        // Scene changes are optional data: without them segments follow the loudness alone.
        var withCuts = input.Dependencies.Any(d => string.Equals(d.Plugin, BuiltInPlugins.SceneChange, StringComparison.Ordinal));
        var cuts = PluginData.PointsOf(input.Dependencies, BuiltInPlugins.SceneChange)
            .Where(p => p.HasFlag(SceneChangeFeaturer.Flag)).Select(p => p.StartMs).Distinct().Order().ToList();
        var windows = PluginData.PointsOf(input.Dependencies, BuiltInPlugins.Loudness, track)
            .Where(p => p.ValueOf(LoudnessFeaturer.MeanLufs) is not null && p.StartMs >= chunk.StartMs && p.StartMs < chunk.EndMs)
            .OrderBy(p => p.StartMs)
            .ToList();

        var marks = new List<SegmentMark>();
        var open = context.OpenSegmentStartMs;

        // A decay is only pending while its segment is still open (the cap may have closed it meanwhile).
        var decay = open is not null ? ParseState(input.CarriedState) : null;
        var lastEnd = context.LastClosed?.EndMs ?? 0;
        var windowIndex = 0;
        while (true)
        {
            if (open is { } start && decay is { } decayedAt)
            {
                var cut = withCuts ? cuts.FirstOrDefault(c => c >= decayedAt && c <= decayedAt + MaxTailMs && c > start, -1) : decayedAt;
                if (cut < 0 && decayedAt + MaxTailMs < chunk.EndMs)
                {
                    cut = decayedAt;
                }

                if (cut < 0)
                {
                    // The cut may still come in the next chunk.
                    break;
                }

                var end = Math.Max(cut, start + 1);
                if (end > chunk.EndMs)
                {
                    break;
                }

                if (end > start + context.MaxSegmentLengthMs)
                {
                    // The state machine closes the segment at the cap on its own; an end mark after that would be rejected.
                    end = start + context.MaxSegmentLengthMs;
                }
                else
                {
                    marks.Add(SegmentMark.EndAt(end));
                }

                (open, decay, lastEnd) = (null, null, end);

                // Loud windows before the end belong to the segment just closed.
                while (windowIndex < windows.Count && windows[windowIndex].StartMs < end)
                {
                    windowIndex++;
                }

                continue;
            }

            if (windowIndex >= windows.Count)
            {
                break;
            }

            var window = windows[windowIndex++];
            var level = window.ValueOf(LoudnessFeaturer.MeanLufs)!.Value;
            if (open is null && level >= startLufs)
            {
                var begin = withCuts
                    ? cuts.LastOrDefault(c => c <= window.StartMs && c >= window.StartMs - MaxLeadMs && c >= lastEnd, window.StartMs)
                    : window.StartMs;
                begin = Math.Max(begin, Math.Max(lastEnd, 0));
                marks.Add(SegmentMark.StartAt(begin));
                open = begin;
            }
            else if (open is not null && decay is null && level < endLufs)
            {
                decay = window.StartMs;
            }
        }

        return new ClassifierResult(marks, decay?.ToString(CultureInfo.InvariantCulture));
    }

    private static long? ParseState(string? state) =>
        long.TryParse(state, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var decay) ? decay : null;
}
