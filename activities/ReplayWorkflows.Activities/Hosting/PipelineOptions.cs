namespace ReplayWorkflows.Activities.Hosting;

/// <summary>Worker-side settings of the pipeline, bound from the <c>Pipeline</c> configuration section.</summary>
public sealed class PipelineOptions
{
    public const string SectionName = "Pipeline";

    /// <summary>Where clips, replays, exports and downloaded chunks are written.</summary>
    public string StorageRoot { get; set; } = "replay-output";

    /// <summary>The S3-protocol endpoint for <c>s3://</c> sources (null: AWS itself).</summary>
    public string? S3ServiceUrl { get; set; }

    public string S3Region { get; set; } = "us-east-1";

    /// <summary>S3 credentials; null reads AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY.</summary>
    public string? S3AccessKey { get; set; }

    public string? S3SecretKey { get; set; }

    /// <summary>Chunk files a folder source picks up.</summary>
    public string FolderPattern { get; set; } = "*.ts";

    /// <summary>
    /// The file whose appearance in a live folder or S3 prefix ends the source (MediaLive writes nothing like it;
    /// a live event otherwise ends at its scheduled end or by <c>replay event stop</c>).
    /// </summary>
    public string EndMarker { get; set; } = "END";

    /// <summary>How often live sources are polled.</summary>
    public TimeSpan SourcePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a new file written in place must stay unchanged before a live folder source takes it. A file renamed to
    /// its chunk name in the folder (the usual atomic publish) is taken at once.
    /// </summary>
    public TimeSpan FolderSettleTime { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long one plugin call (a featurer on a chunk, a classifier step, a label or an optimization) may run before
    /// it is abandoned as hung. Below the plugin activities' 30 s start-to-close, so the worker reports it first.
    /// </summary>
    public TimeSpan PluginTimeLimit { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// The largest state (UTF-8 bytes) a plugin may carry from one chunk to the next. The state travels in workflow
    /// history with every chunk, so it must stay small; a plugin that returns more fails that chunk, visibly.
    /// </summary>
    public int MaxCarriedStateBytes { get; set; } = 64 * 1024;
}
