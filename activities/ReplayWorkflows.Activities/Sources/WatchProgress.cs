namespace ReplayWorkflows.Activities.Sources;

/// <summary>How far a source watcher got: its heartbeat details, from which a restarted attempt resumes.</summary>
public sealed record WatchProgress(int LastNumber, long NextStartMs, int Signaled);
