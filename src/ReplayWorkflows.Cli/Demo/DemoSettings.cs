namespace ReplayWorkflows.Cli.Demo;

/// <summary>What <c>replay demo</c> runs: where it writes, the match it generates (or the source it takes), live or VOD.</summary>
internal sealed record DemoSettings(
    string OutputDirectory,
    int Port = 0,
    int DurationSeconds = 120,
    bool Vod = false,
    double Speed = 4,
    string? Source = null,
    int Seed = 7,
    string Resolution = "720p");
