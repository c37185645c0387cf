namespace ReplayWorkflows.Media.Sources;

/// <summary>Where chunks arrive in S3 (or any S3-protocol store) and where they are downloaded to.</summary>
public sealed class S3SourceOptions
{
    /// <summary>Endpoint of an S3-protocol service (MinIO, s3rver...); null uses AWS for <see cref="Region"/>.</summary>
    public string? ServiceUrl { get; set; }

    public string Region { get; set; } = "us-east-1";

    public string Bucket { get; set; } = string.Empty;

    /// <summary>Key prefix under which chunk objects (<c>..._N.ts</c>) appear.</summary>
    public string Prefix { get; set; } = string.Empty;

    /// <summary>Local folder the chunks are downloaded to (chunk analysis needs a seekable file).</summary>
    public string DownloadDirectory { get; set; } = string.Empty;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Key (relative to <see cref="Prefix"/>) whose appearance ends the watch; null watches until cancelled.</summary>
    public string? EndMarker { get; set; }

    /// <summary>Static credentials (for local S3-protocol servers); null uses the SDK's default chain.</summary>
    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>Path-style addressing (bucket in the path), which most non-AWS servers need.</summary>
    public bool ForcePathStyle { get; set; } = true;
}
