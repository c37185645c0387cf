namespace ReplayWorkflows.Media.Generation;

/// <summary>The picture format of a generated match.</summary>
public enum MatchVariant
{
    /// <summary>1280x720 at 25 fps (the default: fast to make and analyse).</summary>
    Hd720p25,

    /// <summary>1920x1080 at 29.97 fps (30000/1001), for NTSC-rate and drop-frame paths.</summary>
    Hd1080p2997,
}
