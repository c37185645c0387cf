namespace ReplayWorkflows.Activities.Events;

/// <summary>
/// What the data plane keeps about an event beyond its columns (in <c>DefinitionJson</c>): the profile snapshot it
/// runs with, its source and audio tracks. Activities read the profile from here, so workflows carry only the event id.
/// </summary>
public sealed record EventDefinition(string ProfileSource, string? Source, IReadOnlyList<int> AudioTracks, bool Vod);
