using ReplayWorkflows.Core.Time;

namespace ReplayWorkflows.Media.Clips;

/// <summary>
/// Where a clip's files go and the FFmpeg output arguments that write them from one run: the MP4 (in the work folder
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

    /// <summary>The MP4 and HLS outputs asked for (each with its own stream arguments), then the thumbnail.</summary>
    public string[] Files(string[] mp4Stream, string[] hlsStream, int thumbnailInput)
    {
        var args = new List<string>();
        if (Request.Mp4)
        {
            args.AddRange([.. mp4Stream, "-f", "mp4", "-movflags", "+faststart", Mp4]);
        }

        if (Request.Hls)
        {
            Directory.CreateDirectory(HlsDirectory);
            args.AddRange([.. hlsStream, .. ClipMaker.HlsMuxer(HlsDirectory, Request.Name, Request.HlsSegmentSeconds), Playlist]);
        }

        args.AddRange(ThumbnailOutput(thumbnailInput));
        return [.. args];
    }
}
