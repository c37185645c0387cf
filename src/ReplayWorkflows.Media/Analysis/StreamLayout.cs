using ReplayWorkflows.Core.Analysis;
using ReplayWorkflows.Media.FFmpeg;

namespace ReplayWorkflows.Media.Analysis;

/// <summary>What the detector graph is built from: which streams get analysed, the video's rate and width.</summary>
internal sealed record StreamLayout(bool Video, Rational? FrameRate, int? Width, int AudioTracks)
{
    public static StreamLayout Of(MediaInfo info, IReadOnlySet<MediaFeature> features)
    {
        var video = info.Video is not null && features.Overlaps(MediaAnalyzer.VideoFeatures);
        return new StreamLayout(
            video,
            video ? info.Video!.FrameRate : null,
            video ? info.Video!.Width : null,
            features.Overlaps(MediaAnalyzer.AudioFeatures) ? info.AudioTracks.Count : 0);
    }
}
