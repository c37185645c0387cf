namespace ReplayWorkflows.Media.Sources;

/// <summary>How a folder of chunk files (<c>name_N.ts</c>) is watched.</summary>
public sealed class FolderSourceOptions
{
    public string Directory { get; set; } = string.Empty;

    /// <summary>File name pattern of chunks; their number is the <c>_N</c> before the extension.</summary>
    public string Pattern { get; set; } = "*.ts";

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The newest chunk counts as complete once its size has not changed for this long (a higher-numbered chunk
    /// proves it complete at once). A chunk renamed into its name inside the folder is complete at once.
    /// </summary>
    public TimeSpan SettleTime { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A file whose appearance ends the watch (for example <c>END</c>); null watches until cancelled.</summary>
    public string? EndMarker { get; set; }
}
