namespace ReplayWorkflows.Media.FFmpeg;

/// <summary>Maps FFmpeg's stderr to an <see cref="FFmpegErrorKind"/>. FFmpeg has no error codes on the CLI, so text it is.</summary>
internal static class FFmpegErrorClassifier
{
    // Ordered: the first match wins, most specific first.
    private static readonly (string Needle, FFmpegErrorKind Kind)[] Rules =
    [
        ("No space left on device", FFmpegErrorKind.DiskFull),
        ("No such file or directory", FFmpegErrorKind.MissingInput),
        ("Server returned 404", FFmpegErrorKind.MissingInput),
        ("Decoder (codec", FFmpegErrorKind.UnsupportedCodec),
        ("Unknown encoder", FFmpegErrorKind.UnsupportedCodec),
        ("Unknown decoder", FFmpegErrorKind.UnsupportedCodec),
        ("not currently supported", FFmpegErrorKind.UnsupportedCodec),
        ("codec not currently supported in container", FFmpegErrorKind.UnsupportedCodec),
        ("No such filter", FFmpegErrorKind.UnsupportedCodec),
        ("Invalid data found when processing input", FFmpegErrorKind.CorruptData),
        ("moov atom not found", FFmpegErrorKind.CorruptData),
        ("Error while decoding", FFmpegErrorKind.CorruptData),
        ("error while decoding", FFmpegErrorKind.CorruptData),
        ("Packet corrupt", FFmpegErrorKind.CorruptData),
        ("Invalid NAL unit", FFmpegErrorKind.CorruptData),
        ("corrupt", FFmpegErrorKind.CorruptData),
        ("decode_slice_header error", FFmpegErrorKind.CorruptData),
        ("non-existing PPS", FFmpegErrorKind.CorruptData),
        ("Truncating packet", FFmpegErrorKind.CorruptData),
        ("PES packet size mismatch", FFmpegErrorKind.CorruptData),
        ("Output file #0 does not contain any stream", FFmpegErrorKind.CorruptData),
        ("does not contain any stream", FFmpegErrorKind.CorruptData),
    ];

    // Error-level lines H.264 decoders print when a chunk starts on an open-GOP I-frame: the leading B-frames lack
    // their references, a few frames are dropped, and the rest decodes; not a reason to fail a chunk.
    private static readonly string[] Benign =
    [
        "co located POCs unavailable",
        "mmco: unref short failure",
        "Last message repeated",
    ];

    public static bool IsBenign(string line) => Benign.Any(b => line.Contains(b, StringComparison.Ordinal));

    public static FFmpegErrorKind Classify(IReadOnlyList<string> stderrTail)
    {
        foreach (var (needle, kind) in Rules)
        {
            if (stderrTail.Any(l => l.Contains(needle, StringComparison.Ordinal)))
            {
                return kind;
            }
        }

        return FFmpegErrorKind.Failed;
    }

    /// <summary>The line that best explains the failure: the first one matching a rule, else the last line.</summary>
    public static string Reason(IReadOnlyList<string> stderrTail)
    {
        foreach (var (needle, _) in Rules)
        {
            var hit = stderrTail.FirstOrDefault(l => l.Contains(needle, StringComparison.Ordinal));
            if (hit is not null)
            {
                return hit.Trim();
            }
        }

        return stderrTail.LastOrDefault(l => !string.IsNullOrWhiteSpace(l))?.Trim() ?? "no output";
    }
}
