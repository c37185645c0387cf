using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReplayWorkflows.Media.Analysis;
using ReplayWorkflows.Media.FFmpeg;
using ReplayWorkflows.Media.Rendering;

namespace ReplayWorkflows.Media.Tests;

public sealed class MediaServiceCollectionExtensionsTests
{
    [Fact]
    public async Task The_media_layer_resolves_from_configuration_with_one_shared_runner()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Media:FFmpeg:Threads"] = "1",
            ["Media:FFmpeg:FFmpegPath"] = "/usr/bin/ffmpeg",
            ["Media:Analysis:SceneThreshold"] = "0.25",
        }).Build();
        await using var provider = new ServiceCollection().AddLogging().AddReplayMedia(configuration).BuildServiceProvider();

        var runner = provider.GetRequiredService<FFmpegRunner>();
        runner.Options.Threads.ShouldBe(1);
        runner.Options.FFmpegPath.ShouldBe("/usr/bin/ffmpeg");
        (await runner.EnsureAvailableAsync()).ShouldBeGreaterThanOrEqualTo(5);
        provider.GetRequiredService<IReplayRenderer>().ShouldBeOfType<FFmpegReplayRenderer>();
        provider.GetRequiredService<MediaAnalyzer>().ShouldNotBeNull();
        provider.GetRequiredService<FFmpegRunner>().ShouldBeSameAs(runner);
    }
}
