using System.Globalization;
using ReplayWorkflows.Core.Replays;

namespace ReplayWorkflows.Core.Exports;

/// <summary>
/// The event's EDLs: one per audio track (an EDL carries one picture and its audio), each listing every segment in
/// time order at its optimized bounds when it has them.
/// </summary>
public static class EventEdlExporter
{
    public static IReadOnlyList<EdlFile> Export(EventExportInfo info, IEnumerable<ExportSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(segments);
        var ordered = segments.OrderBy(s => s.StartMs).ThenBy(s => s.Classifier, StringComparer.Ordinal).ToList();
        var options = new EdlOptions(info.FrameRate);
        return info.AudioTracks.Order().Select(track =>
        {
            var clips = ordered.Select(s => new EdlClip(info.SourceName, s.PlayStartMs, s.PlayEndMs));
            var title = string.Create(CultureInfo.InvariantCulture, $"{info.Name} - audio track {track}");
            return new EdlFile(track, string.Create(CultureInfo.InvariantCulture, $"{SafeName(info.Name)}_track{track}.edl"), EdlWriter.Write(title, clips, options));
        }).ToList();
    }

    /// <summary>A replay's EDL: its clips in play order, for the replay's audio track.</summary>
    public static EdlFile ExportReplay(EventExportInfo info, ReplayRequest request, ReplaySelection selection)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(selection);
        var clips = selection.Clips.Select(c => new EdlClip(info.SourceName, c.PlayStartMs, c.PlayEndMs));
        var title = string.Create(CultureInfo.InvariantCulture, $"{info.Name} - replay {request.Id}");
        return new EdlFile(request.AudioTrack,
            string.Create(CultureInfo.InvariantCulture, $"{SafeName(info.Name)}_{SafeName(request.Id)}_track{request.AudioTrack}.edl"),
            EdlWriter.Write(title, clips, new EdlOptions(info.FrameRate)));
    }

    private static string SafeName(string name) =>
        new(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
}
