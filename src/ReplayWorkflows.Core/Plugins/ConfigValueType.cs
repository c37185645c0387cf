namespace ReplayWorkflows.Core.Plugins;

/// <summary>The type of a plugin configuration parameter.</summary>
public enum ConfigValueType
{
    String,
    Integer,
    Number,
    Boolean,
}
