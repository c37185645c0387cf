namespace ReplayWorkflows.Data.Records;

/// <summary>Which bounds a clip or a piece of feedback refers to.</summary>
public enum ClipVariant
{
    Original,
    Optimized,
}
