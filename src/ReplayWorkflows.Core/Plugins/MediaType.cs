namespace ReplayWorkflows.Core.Plugins;

/// <summary>The media a plugin analyses. An audio plugin runs once per audio track.</summary>
public enum MediaType
{
    Video,
    Audio,
}
