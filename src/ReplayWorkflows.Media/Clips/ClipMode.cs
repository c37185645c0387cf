namespace ReplayWorkflows.Media.Clips;

/// <summary>How exactly a clip honours its in point.</summary>
public enum ClipMode
{
    /// <summary>Stream copy from the key frame at or before the in point: near-instant, starts up to one GOP early.</summary>
    Fast,

    /// <summary>Frame-exact: re-encodes the first (partial) GOP and copies the rest when the codec allows, else re-encodes all.</summary>
    Accurate,
}
