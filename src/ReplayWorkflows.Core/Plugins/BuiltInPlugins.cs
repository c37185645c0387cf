using ReplayWorkflows.Core.Analysis;

namespace ReplayWorkflows.Core.Plugins;

/// <summary>
/// Descriptors of the plugins that ship with ReplayWorkflows (implemented in ReplayWorkflows.Plugins). They live here
/// so profiles validate without loading plugin code, and so the plugin host can check its implementations against
/// the same descriptors.
/// </summary>
public static class BuiltInPlugins
{
    public const string SceneChange = "SceneChange";
    public const string BlackFrames = "BlackFrames";
    public const string Silence = "Silence";
    public const string Loudness = "Loudness";
    public const string Freeze = "Freeze";
    public const string ExcitementSegmenter = "ExcitementSegmenter";
    public const string ShotSegmenter = "ShotSegmenter";
    public const string CutPointOptimizer = "CutPointOptimizer";
    public const string ExcitementLabeler = "ExcitementLabeler";

    /// <summary>The configuration parameter every detector carries: whether its detections are good or bad cut points.</summary>
    public const string BiasParameter = "bias";

    /// <summary>The optimizer's search window around each in and out point.</summary>
    public const string SearchWindowParameter = "searchWindowMs";

    public static IReadOnlyList<PluginDescriptor> Descriptors { get; } =
    [
        Featurer(SceneChange, MediaType.Video, [MediaFeature.SceneChange], "Shot boundaries from the scene-change score.",
            [
                new(
                    "threshold", ConfigValueType.Number, "0.1", Minimum: 0, Maximum: 1,
                    Description: "Scene-change score from which a frame starts a new shot (FFmpeg's scdet advises 0.08 to 0.14; hard cuts in the generated match score 0.13 to 0.43)."),
                Bias("safe"),
            ],
            [new("SceneChange", "A new shot starts here.")]),
        Featurer(BlackFrames, MediaType.Video, [MediaFeature.BlackFrames], "Ranges of black frames.",
            [
                new("minDurationMs", ConfigValueType.Integer, "100", Minimum: 1, Description: "Shorter black runs are ignored."),
                Bias("safe"),
            ],
            [new("Black", "The picture is black.")]),
        Featurer(Freeze, MediaType.Video, [MediaFeature.FreezeFrames], "Ranges of frozen picture.",
            [
                new("minDurationMs", ConfigValueType.Integer, "1000", Minimum: 1, Description: "Shorter freezes are ignored."),
                Bias("unsafe"),
            ],
            [new("Freeze", "The picture is frozen.")]),
        Featurer(Silence, MediaType.Audio, [MediaFeature.Silence], "Ranges of silence per audio track.",
            [
                new("minDurationMs", ConfigValueType.Integer, "300", Minimum: 1, Description: "Shorter silences are ignored."),
                Bias("safe"),
            ],
            [new("Silence", "The track is silent.")]),
        Featurer(Loudness, MediaType.Audio, [MediaFeature.Loudness], "Momentary loudness averaged over windows, per audio track, against an adaptive baseline.",
            [
                new("windowMs", ConfigValueType.Integer, "2000", Minimum: 400, Maximum: 60_000, Description: "Averaging window."),
                new(
                    "loudThresholdLufs", ConfigValueType.Number, "-18", Minimum: -70, Maximum: 0,
                    Description: "A window at least this loud is flagged Loud."),
                new(
                    "baselinePercentile", ConfigValueType.Number, "20", Minimum: 1, Maximum: 50,
                    Description: "The chunk's baseline (the crowd bed under the bursts): this percentile of its momentary loudness, silence left out."),
                new(
                    "riseDb", ConfigValueType.Number, "8", Minimum: 1, Maximum: 40,
                    Description: "A window this far above the baseline is flagged Excited; its level is how far it rose."),
            ],
            [
                new("Loud", "The crowd or commentary is loud."),
                new("Excited", "The window rose well above the chunk's baseline, however loud the broadcast is mixed."),
                new("MeanLufs", "Mean momentary loudness of the window.", IsFeature: false),
                new("BaselineLufs", "The chunk's baseline loudness.", IsFeature: false),
                new("LevelDb", "How far the window rose above the baseline, in dB (the excitement level).", IsFeature: false),
            ]),
        new(
            ExcitementSegmenter, 1, PluginClass.Classifier, MediaType.Audio, PluginExecution.InProcess(PluginClass.Classifier),
            [
                new("startLufs", ConfigValueType.Number, "-20", Minimum: -70, Maximum: 0, Description: "A segment starts when loudness rises to this."),
                new("endLufs", ConfigValueType.Number, "-26", Minimum: -70, Maximum: 0, Description: "It ends when loudness falls below this."),
                new("audioTrack", ConfigValueType.Integer, "1", Minimum: 1, Maximum: 20, Description: "The track whose loudness is followed."),
            ],
            [new("Excitement", "The segment was found by crowd and commentary loudness.")],
            [Loudness],
            [],
            "Segments where the audio gets loud (crowd, commentary), with hysteresis.",
            CarriesState: true),
        new(
            ShotSegmenter, 1, PluginClass.Classifier, MediaType.Video, PluginExecution.InProcess(PluginClass.Classifier),
            [
                new("minShotMs", ConfigValueType.Integer, "2000", Minimum: 1, Description: "Shots shorter than this are merged into the next."),
                new(
                    "maxShotMs", ConfigValueType.Integer, "0", Minimum: 0,
                    Description: "Shots longer than this are split into back-to-back pieces of this length (0: no limit but the profile's maximum segment length)."),
            ],
            [],
            [SceneChange],
            [],
            "One segment per shot, from scene changes.",
            CarriesState: true),
        new(
            CutPointOptimizer, 1, PluginClass.Optimizer, MediaType.Video, PluginExecution.InProcess(PluginClass.Optimizer),
            [
                new(
                    SearchWindowParameter, ConfigValueType.Integer, "3000", Minimum: 0, Maximum: 60_000,
                    Description: "How far in and out points may move."),
            ],
            [],
            [],
            [],
            "Moves in and out points to nearby good cut points (safe ranges) or out of bad ones (unsafe ranges)."),
        new(
            ExcitementLabeler, 1, PluginClass.Labeler, MediaType.Audio, PluginExecution.InProcess(PluginClass.Labeler),
            [
                new("highLufs", ConfigValueType.Number, "-16", Minimum: -70, Maximum: 0, Description: "Peak loudness from which a segment is a highlight."),
                new("audioTrack", ConfigValueType.Integer, "1", Minimum: 1, Maximum: 20, Description: "The track whose loudness is read."),
            ],
            [new("HighExcitement", "The peak loudness reached the highlight level."), new("PeakLufs", "Peak window loudness.", IsFeature: false)],
            [Loudness],
            [],
            "Labels segments by how loud they got."),
    ];

    /// <summary>A new catalog holding every built-in descriptor (callers may register more versions on it).</summary>
    public static PluginCatalog CreateCatalog() => new(Descriptors);

    private static ConfigParameter Bias(string defaultBias) => new(
        BiasParameter, ConfigValueType.String, defaultBias, AllowedValues: ["safe", "unsafe"],
        Description: "safe: detections are good cut points; unsafe: cutting inside a detection is bad.");

    private static PluginDescriptor Featurer(string name, MediaType mediaType, IReadOnlyList<MediaFeature> features, string description,
        IReadOnlyList<ConfigParameter> configuration, IReadOnlyList<OutputAttribute> outputs) =>
        new(name, 1, PluginClass.Featurer, mediaType, PluginExecution.InProcess(PluginClass.Featurer), configuration, outputs, [], features, description);
}
