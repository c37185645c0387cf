using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ReplayWorkflows.Activities.Storage;
using ReplayWorkflows.Core.Plugins;
using ReplayWorkflows.Data;
using ReplayWorkflows.Media.Analysis;
using ReplayWorkflows.Media.Clips;
using ReplayWorkflows.Media.FFmpeg;
using ReplayWorkflows.Media.Rendering;
using ReplayWorkflows.Plugins;
using Temporalio.Client;

namespace ReplayWorkflows.Activities.Hosting;

/// <summary>
/// Everything the pipeline's activities use, built once per worker process: the data plane, the media layer, the
/// plugin host and catalog, output storage, and a Temporal client (the source watcher signals events).
/// </summary>
public sealed class PipelineServices
{
    public PipelineServices(IDataPlane data, ITemporalClient client, PipelineOptions options, ILoggerFactory? loggerFactory = null, IReplayRenderer? renderer = null, BuiltInPluginHost? plugins = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Data = data;
        Client = client;
        Options = options;
        LoggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        var ffmpeg = FFmpegRunner.Default;
        Prober = new MediaProber(ffmpeg);
        Analyzer = new MediaAnalyzer(ffmpeg, new AnalysisOptions(), LoggerFactory.CreateLogger<MediaAnalyzer>());
        Clips = new ClipMaker(ffmpeg, LoggerFactory.CreateLogger<ClipMaker>());
        Renderer = renderer ?? new FFmpegReplayRenderer(ffmpeg, LoggerFactory.CreateLogger<FFmpegReplayRenderer>());
        Storage = new PipelineStorage(options.StorageRoot);
        Plugins = plugins ?? new BuiltInPluginHost();
        // Profiles are validated against the plugins this worker runs, so a plugin given in place of a built-in is
        // described (dependencies, carried state) as it declares itself.
        Catalog = new PluginCatalog(Plugins.All.Select(p => p.Descriptor));
        Profiles = new Events.EventProfiles(data, Catalog);
    }

    public IDataPlane Data { get; }

    public ITemporalClient Client { get; }

    public PipelineOptions Options { get; }

    public ILoggerFactory LoggerFactory { get; }

    public MediaProber Prober { get; }

    public MediaAnalyzer Analyzer { get; }

    public ClipMaker Clips { get; }

    public IReplayRenderer Renderer { get; }

    public PipelineStorage Storage { get; }

    public BuiltInPluginHost Plugins { get; }

    public PluginCatalog Catalog { get; }

    internal Events.EventProfiles Profiles { get; }

    /// <summary>This worker's implementation of a profile's plugin; a missing one fails the activity for good.</summary>
    internal T PluginFor<T>(Core.Profiles.ProfilePlugin plugin)
        where T : class, IPlugin =>
        Plugins.Find(plugin.Name, plugin.Version) as T
        ?? throw new Temporalio.Exceptions.ApplicationFailureException(
            $"no {typeof(T).Name[1..]} {plugin.Name} v{plugin.Version} on this worker", errorType: "PluginConfiguration", nonRetryable: true);
}
