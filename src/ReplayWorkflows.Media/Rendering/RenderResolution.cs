namespace ReplayWorkflows.Media.Rendering;

/// <summary>
/// An output resolution of a replay: its name (MRE's table, mre.md §5.8), size, maximum video bitrate and the
/// BANDWIDTH advertised in the master playlist.
/// </summary>
public sealed record RenderResolution(string Name, int Width, int Height, int MaxBitrateKbps, int BandwidthBps)
{
    public static RenderResolution P360 { get; } = new("360p", 640, 360, 700, 900_000);

    public static RenderResolution P480 { get; } = new("480p", 854, 480, 1_000, 1_600_000);

    public static RenderResolution P720 { get; } = new("720p", 1280, 720, 4_000, 3_200_000);

    public static RenderResolution Wide16x9 { get; } = new("16:9", 1920, 1080, 6_000, 5_300_000);

    public static RenderResolution Square1x1 { get; } = new("1:1", 1080, 1080, 6_000, 5_300_000);

    public static RenderResolution Portrait4x5 { get; } = new("4:5", 864, 1080, 6_000, 5_300_000);

    public static RenderResolution Vertical9x16 { get; } = new("9:16", 608, 1080, 6_000, 5_300_000);

    public static RenderResolution Qhd2K { get; } = new("2K", 2560, 1440, 6_000, 7_400_000);

    public static RenderResolution Uhd4K { get; } = new("4K", 3840, 2160, 6_000, 18_200_000);

    /// <summary>Every resolution MRE offers, smallest first.</summary>
    public static IReadOnlyList<RenderResolution> All { get; } = [P360, P480, P720, Wide16x9, Square1x1, Portrait4x5, Vertical9x16, Qhd2K, Uhd4K];

    /// <summary>The name as a folder name (MRE drops the colon: "16:9" becomes "169").</summary>
    public string FolderName => Name.Replace(":", string.Empty, StringComparison.Ordinal);

    /// <summary>Finds a resolution by name, case-insensitively.</summary>
    public static RenderResolution Parse(string name) =>
        All.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase) || string.Equals(r.FolderName, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown resolution '{name}'; known: {string.Join(", ", All.Select(r => r.Name))}", nameof(name));
}
