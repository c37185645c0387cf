namespace ReplayWorkflows.Activities.Storage;

/// <summary>
/// Where the pipeline writes files: <c>ROOT/events/EVENT/{chunks,clips,replays/REPLAY,exports}</c>. Every writer goes
/// through here so a deployment moves all output by changing one setting.
/// </summary>
public sealed class PipelineStorage(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    public string Event(string eventId) => Path.Combine(Root, "events", SafeName(eventId));

    public string Chunks(string eventId) => Directory.CreateDirectory(Path.Combine(Event(eventId), "chunks")).FullName;

    public string Clips(string eventId) => Directory.CreateDirectory(Path.Combine(Event(eventId), "clips")).FullName;

    public string Replay(string eventId, string replayId) => Directory.CreateDirectory(Path.Combine(Event(eventId), "replays", SafeName(replayId))).FullName;

    public string Exports(string eventId) => Directory.CreateDirectory(Path.Combine(Event(eventId), "exports")).FullName;

    // Ids come from users; keep them from escaping the root.
    internal static string SafeName(string id) => string.Concat(id.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')).TrimStart('.');
}
