namespace ReplayWorkflows.Media.Rendering.MediaConvert;

/// <summary>
/// Where and how <see cref="MediaConvertReplayRenderer"/> reaches AWS Elemental MediaConvert, and where the
/// rendered replays go. Bind from configuration; <see cref="Validate"/> lists what is wrong, one line per problem.
/// </summary>
public sealed class MediaConvertOptions
{
    /// <summary>API endpoint; null uses the regional endpoint <c>https://mediaconvert.{Region}.amazonaws.com</c>.</summary>
    public string? EndpointUrl { get; set; }

    public string Region { get; set; } = "us-east-1";

    /// <summary>IAM role MediaConvert assumes to read the chunks and write the outputs (required).</summary>
    public string RoleArn { get; set; } = string.Empty;

    /// <summary>Queue to submit to; null uses the account's Default queue.</summary>
    public string? QueueArn { get; set; }

    /// <summary>Static credentials; null reads <c>AWS_ACCESS_KEY_ID</c>/<c>AWS_SECRET_ACCESS_KEY</c>/<c>AWS_SESSION_TOKEN</c>.</summary>
    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    public string? SessionToken { get; set; }

    /// <summary>Bucket the replays are written to (required).</summary>
    public string OutputBucket { get; set; } = string.Empty;

    /// <summary>Key prefix under <see cref="OutputBucket"/>; each replay goes to <c>{prefix}/{Name}/</c>.</summary>
    public string OutputPrefix { get; set; } = string.Empty;

    /// <summary>Frame rate of the chunks, used to turn event-time milliseconds into clipping timecode frames.</summary>
    public double FrameRate { get; set; } = 25;

    /// <summary>Audio track of the chunks to use (MediaConvert track number, 1-based); null takes the default track.</summary>
    public int? AudioTrack { get; set; }

    /// <summary>
    /// s3:// URI of a black PNG at least as large as the chunks' picture: fades (a replay's TransitionMs) overlay it
    /// with MediaConvert's image inserter. Null refuses fades.
    /// </summary>
    public string? FadeImage { get; set; }

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a job may take before it is cancelled and the render fails.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The endpoint actually used.</summary>
    public Uri ResolvedEndpoint => new(string.IsNullOrWhiteSpace(EndpointUrl) ? $"https://mediaconvert.{Region}.amazonaws.com" : EndpointUrl);

    /// <summary>Every problem, one line each; empty when the options are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!string.IsNullOrWhiteSpace(EndpointUrl)
            && (!Uri.TryCreate(EndpointUrl, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp)))
        {
            problems.Add($"EndpointUrl '{EndpointUrl}' is not an absolute http(s) URL");
        }

        if (string.IsNullOrWhiteSpace(Region))
        {
            problems.Add("Region is required (e.g. us-east-1)");
        }

        if (!RoleArn.StartsWith("arn:", StringComparison.Ordinal))
        {
            problems.Add($"RoleArn must be an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME), got '{RoleArn}'");
        }

        if (QueueArn is not null && !QueueArn.StartsWith("arn:", StringComparison.Ordinal))
        {
            problems.Add($"QueueArn must be a MediaConvert queue ARN or null, got '{QueueArn}'");
        }

        if ((AccessKey is null) != (SecretKey is null))
        {
            problems.Add("AccessKey and SecretKey must be set together (or both left unset for the environment credentials)");
        }

        if (string.IsNullOrWhiteSpace(OutputBucket) || OutputBucket.Contains('/', StringComparison.Ordinal))
        {
            problems.Add($"OutputBucket must be a bucket name (no s3:// and no slash), got '{OutputBucket}'");
        }

        if (OutputPrefix.StartsWith("s3:", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"OutputPrefix is a key prefix inside OutputBucket, not a URI: '{OutputPrefix}'");
        }

        if (!(FrameRate is > 0 and <= 120))
        {
            problems.Add($"FrameRate must be in (0, 120], got {FrameRate}");
        }

        if (AudioTrack is < 1)
        {
            problems.Add($"AudioTrack is 1-based, got {AudioTrack}");
        }

        if (FadeImage is not null && (!S3Location.TryParse(FadeImage, out _) || !(FadeImage.EndsWith(".png", StringComparison.OrdinalIgnoreCase) || FadeImage.EndsWith(".tga", StringComparison.OrdinalIgnoreCase))))
        {
            problems.Add($"FadeImage must be the s3:// URI of a PNG or TGA image, got '{FadeImage}'");
        }

        if (PollInterval <= TimeSpan.Zero)
        {
            problems.Add("PollInterval must be positive");
        }

        if (Timeout <= TimeSpan.Zero)
        {
            problems.Add("Timeout must be positive");
        }

        return problems;
    }
}
