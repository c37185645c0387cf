namespace ReplayWorkflows.Cli.Demo;

/// <summary>The demo's summary (printed as JSON with <c>--output json</c>).</summary>
internal sealed record DemoResult(
    string EventId,
    string Mode,
    string Server,
    string TemporalDatabase,
    string DataDatabase,
    long MediaMs,
    int ChunksProcessed,
    int ChunksFailed,
    IReadOnlyList<int> Gaps,
    IReadOnlyList<DemoSegment> Segments,
    DemoTruth? GroundTruth,
    IReadOnlyList<string> Clips,
    IReadOnlyList<DemoReplay> Replays,
    IReadOnlyList<string> Exports,
    IReadOnlyList<string> Failures,
    long ElapsedMs);

/// <summary>A segment the event found: original and optimized bounds and its label.</summary>
internal sealed record DemoSegment(long StartMs, long EndMs, long? OptimizedStartMs, long? OptimizedEndMs, string? Label);

/// <summary>How the segments compare with the generated match's excitement bursts.</summary>
internal sealed record DemoTruth(int Bursts, int BurstsFound, int SegmentsWithoutBurst);

/// <summary>A replay: its selection and the files rendered for it.</summary>
internal sealed record DemoReplay(string ReplayId, int Clips, long DurationMs, IReadOnlyList<string> Files);
