using ReplayWorkflows.Core.Time;
using ReplayWorkflows.Media.FFmpeg;

namespace ReplayWorkflows.Media.Clips;

/// <summary>
/// Where a clip's files go and the FFmpeg output arguments that write them: the MP4 (in the work folder
/// when only HLS was asked for), the HLS rendition and a thumbnail from the middle of the clip.
/// </summary>
internal sealed class ClipOutputs
{
    public ClipOutputs(ClipRequest request, string work)
    {
        Request = request;
        Mp4 = Path.Combine(request.Mp4 ? request.OutputDirectory : work, request.Name + ".mp4");
        HlsDirectory = Path.Combine(request.OutputDirectory, request.Name);
        Playlist = Path.Combine(HlsDirectory, request.Name + ".m3u8");
        Thumbnail = Path.Combine(request.OutputDirectory, request.Name + ".jpg");
    }

    public ClipRequest Request { get; }

    public string Mp4 { get; }

    public string HlsDirectory { get; }

    public string Playlist { get; }

    public string Thumbnail { get; }

    /// <summary>
    /// A second input seeked to the middle of the clip: the thumbnail decodes at most one GOP. Its length is capped
    /// because FFmpeg goes on decoding an input after its only output has its frame (over a second per clip here).
    /// </summary>
    public string[] ThumbnailInput(JoinedChunks joined, TimeRange covered) =>
        Request.Thumbnail ? ["-ss", joined.SeekSeconds(covered.StartMs + (covered.DurationMs / 2)), "-t", "0.5", "-i", joined.Input] : [];

    public string[] ThumbnailOutput(int input) =>
        Request.Thumbnail ? ["-map", $"{input}:v:0", "-frames:v", "1", "-vf", "scale=640:-2", "-q:v", "3", Thumbnail] : [];

    /// <summary>The MP4 and HLS outputs asked for from one stream copy, then the thumbnail.</summary>
    public string[] CopiedFiles(string[] copyStream, int thumbnailInput)
    {
        var args = new List<string>();
        if (Request.Mp4)
        {
            args.AddRange([.. copyStream, "-f", "mp4", "-movflags", "+faststart", Mp4]);
        }

        if (Request.Hls)
        {
            Directory.CreateDirectory(HlsDirectory);
            args.AddRange([.. copyStream, .. ClipMaker.HlsMuxer(HlsDirectory, Request.Name, Request.HlsSegmentSeconds), Playlist]);
        }

        args.AddRange(ThumbnailOutput(thumbnailInput));
        return [.. args];
    }

    /// <summary>
    /// The MP4 (always written, in the work folder when only HLS was asked for) and the thumbnail, for a stream with
    /// anything encoded: FFmpeg encodes once per output, so the HLS rendition is cut from this MP4 afterwards
    /// (<see cref="SegmentHlsAsync"/>) rather than encoded a second time.
    /// </summary>
    public string[] EncodedFiles(string[] encodeStream, int thumbnailInput) =>
        [.. encodeStream, "-f", "mp4", "-movflags", "+faststart", Mp4, .. ThumbnailOutput(thumbnailInput)];

    /// <summary>The HLS rendition, when asked for, by stream copy from the MP4 <see cref="EncodedFiles"/> wrote.</summary>
    public async Task SegmentHlsAsync(FFmpegRunner runner, CancellationToken cancellationToken)
    {
        if (Request.Hls)
        {
            await ClipMaker.SegmentAsync(Mp4, HlsDirectory, Request.Name, Request.HlsSegmentSeconds, runner, cancellationToken).ConfigureAwait(false);
        }
    }
}
