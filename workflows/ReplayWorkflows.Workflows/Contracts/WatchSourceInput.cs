namespace ReplayWorkflows.Workflows.Contracts;

/// <summary>
/// Watch an event's source and signal each new chunk to the event workflow. <paramref name="AfterNumber"/> and
/// <paramref name="NextStartMs"/> say where to resume (a restarted watcher also resumes from its last heartbeat). A chunk
/// whose length cannot be measured (unreadable media) is taken to last <paramref name="NominalChunkMs"/>, so the chunks
/// after it keep their place in event time.
/// </summary>
public sealed record WatchSourceInput(string EventId, string Source, int AfterNumber, long NextStartMs, bool Live, long NominalChunkMs);
