using ReplayWorkflows.Core.Analysis;
using ReplayWorkflows.Core.Plugins;
using ReplayWorkflows.Media.Analysis;
using ReplayWorkflows.Media.FFmpeg;
using ReplayWorkflows.Media.Generation;
using ReplayWorkflows.Testing;

namespace ReplayWorkflows.Plugins.Tests.Media;

/// <summary>
/// The Media tests' generated match (same spec, same cache folder, so it is encoded once per machine), analysed chunk
/// by chunk once for the whole class, with every built-in featurer run on each chunk at its defaults.
/// </summary>
public sealed class GeneratedMatchFixture : IAsyncLifetime
{
    public static readonly MatchSpec Spec = new(Seed: 7, DurationSeconds: 60, Variant: MatchVariant.Hd720p25, ChunkSeconds: 10);

    /// <summary>
    /// Settings for this media. The generated mix is quiet (crowd bed near -37 LUFS, bursts near -20 LUFS over 2 s
    /// windows) and its hard cuts score 0.13 to 0.43 on scdet's scale, under the descriptors' broadcast defaults
    /// (Loud from -18 LUFS, a segment from -20 LUFS, a cut from 0.4).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Overrides =
        new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            [BuiltInPlugins.SceneChange] = new Dictionary<string, string> { ["threshold"] = "0.1" },
            [BuiltInPlugins.Loudness] = new Dictionary<string, string> { ["loudThresholdLufs"] = "-28" },
            [BuiltInPlugins.ExcitementSegmenter] = new Dictionary<string, string> { ["startLufs"] = "-28", ["endLufs"] = "-32" },
        };

    public GeneratedMatch Match { get; private set; } = null!;

    public List<ChunkAnalysis> Chunks { get; } = [];

    /// <summary>Per chunk: the featurers' outputs, as the pipeline hands them to classifiers.</summary>
    public List<IReadOnlyList<PluginData>> Data { get; } = [];

    public async Task InitializeAsync()
    {
        var cacheRoot = Directory.CreateDirectory(Path.Combine(RepoPaths.Cache, "media")).FullName;
        Match = await new MatchGenerator(FFmpegRunner.Default).EnsureAsync(Spec, cacheRoot);
        var analyzer = new MediaAnalyzer(FFmpegRunner.Default);
        var features = Enum.GetValues<MediaFeature>().ToHashSet();
        var host = new BuiltInPluginHost();
        var chunkMs = Spec.ChunkSeconds * 1000L;
        for (var i = 0; i < Match.ChunkPaths.Count; i++)
        {
            var chunk = await analyzer.AnalyzeAsync(new ChunkAnalysisRequest(Match.ChunkPaths[i], i + 1, i * chunkMs, features));
            Chunks.Add(chunk);
            var data = new List<PluginData>();
            foreach (var featurer in host.All.OfType<IFeaturer>())
            {
                var track = featurer.Descriptor.MediaType == MediaType.Audio ? 1 : (int?)null;
                var configuration = Configuration(featurer.Descriptor);
                var result = featurer.Analyse(new FeaturerInput(chunk, configuration, track, [], null));
                data.Add(new PluginData(featurer.Descriptor.Name, track, result.Points));
            }

            Data.Add(data);
        }
    }

    public static PluginConfiguration Configuration(PluginDescriptor descriptor) =>
        PluginConfiguration.Resolve(descriptor.Configuration, Overrides.GetValueOrDefault(descriptor.Name));

    public Task DisposeAsync() => Task.CompletedTask;

    public IEnumerable<DataPoint> PointsOf(string plugin) => Data.SelectMany(d => PluginData.PointsOf(d, plugin));
}
