using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReplayWorkflows.Media.Analysis;
using ReplayWorkflows.Media.Clips;
using ReplayWorkflows.Media.FFmpeg;
using ReplayWorkflows.Media.Generation;
using ReplayWorkflows.Media.Rendering;

namespace ReplayWorkflows.Media;

/// <summary>Registers the media layer for hosts (worker, CLI): options from configuration, one shared FFmpeg runner.</summary>
public static class MediaServiceCollectionExtensions
{
    /// <summary>Configuration section of <see cref="FFmpegOptions"/> (<c>REPLAY__MEDIA__FFMPEG__FFMPEGPATH</c> and so on).</summary>
    public const string FFmpegSection = "Media:FFmpeg";

    /// <summary>Configuration section of <see cref="AnalysisOptions"/>.</summary>
    public const string AnalysisSection = "Media:Analysis";

    public static IServiceCollection AddReplayMedia(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<FFmpegOptions>(configuration.GetSection(FFmpegSection));
        services.Configure<AnalysisOptions>(configuration.GetSection(AnalysisSection));

        // One runner per host: it checks the FFmpeg version once.
        services.AddSingleton(sp => new FFmpegRunner(sp.GetRequiredService<IOptions<FFmpegOptions>>().Value, sp.GetService<ILogger<FFmpegRunner>>()));
        services.AddSingleton(sp => new MediaProber(sp.GetRequiredService<FFmpegRunner>()));
        services.AddSingleton(sp => new MediaAnalyzer(
            sp.GetRequiredService<FFmpegRunner>(), sp.GetRequiredService<IOptions<AnalysisOptions>>().Value, sp.GetService<ILogger<MediaAnalyzer>>()));
        services.AddSingleton(sp => new FrameSampler(sp.GetRequiredService<FFmpegRunner>()));
        services.AddSingleton(sp => new ClipMaker(sp.GetRequiredService<FFmpegRunner>(), sp.GetService<ILogger<ClipMaker>>()));
        services.AddSingleton<IReplayRenderer>(sp => new FFmpegReplayRenderer(sp.GetRequiredService<FFmpegRunner>(), sp.GetService<ILogger<FFmpegReplayRenderer>>()));
        services.AddSingleton(sp => new MatchGenerator(sp.GetRequiredService<FFmpegRunner>(), sp.GetService<ILogger<MatchGenerator>>()));
        return services;
    }
}
