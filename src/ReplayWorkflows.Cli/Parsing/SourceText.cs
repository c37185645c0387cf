namespace ReplayWorkflows.Cli.Parsing;

/// <summary>Event sources: <c>folder:PATH</c>, <c>hls:URL_OR_PATH</c> or <c>s3://bucket/prefix</c>.</summary>
internal static class SourceText
{
    public const string Forms = "folder:PATH, hls:URL_OR_PATH or s3://bucket/prefix";

    /// <summary>
    /// The source in the form the pipeline reads (the kind lower-cased, a local folder or playlist made absolute);
    /// throws <see cref="FormatException"/> saying what is wrong.
    /// </summary>
    public static string Normalize(string? text)
    {
        var value = (text ?? "").Trim();
        if (value.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            var rest = value[5..];
            var bucket = rest.Split('/', 2)[0];
            if (bucket.Length == 0)
            {
                throw new FormatException($"source '{value}' has no bucket: use s3://bucket/prefix");
            }

            return "s3://" + rest;
        }

        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var kind = colon > 0 ? value[..colon].ToLowerInvariant() : "";
        var location = colon > 0 ? value[(colon + 1)..].Trim() : "";
        switch (kind)
        {
            case "folder" when location.Length > 0:
                return "folder:" + Path.GetFullPath(location);
            case "hls" when location.Length > 0:
                return "hls:" + (Uri.TryCreate(location, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? location : Path.GetFullPath(location));
            case "folder" or "hls":
                throw new FormatException($"source '{value}' names no {kind} location: use {Forms}");
            default:
                throw new FormatException($"source '{value}' is not {Forms}");
        }
    }
}
