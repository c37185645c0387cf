using ReplayWorkflows.Media.FFmpeg;
using ReplayWorkflows.Media.Generation;
using ReplayWorkflows.Testing;

namespace ReplayWorkflows.Media.Tests.Support;

/// <summary>
/// The generated test match shared by every test class (60 s, 720p25, 10 s chunks), cached under .cache/media so
/// only the first run on a machine pays for encoding it.
/// </summary>
public sealed class MediaFixture : IAsyncLifetime
{
    public static readonly MatchSpec Spec = new(Seed: 7, DurationSeconds: 60, Variant: MatchVariant.Hd720p25, ChunkSeconds: 10);

    public static string CacheRoot => Directory.CreateDirectory(Path.Combine(RepoPaths.Cache, "media")).FullName;

    public FFmpegRunner Runner { get; } = FFmpegRunner.Default;

    public MediaProber Prober { get; } = new(FFmpegRunner.Default);

    public GeneratedMatch Match { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Match = await new MatchGenerator(Runner).EnsureAsync(Spec, CacheRoot);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

[CollectionDefinition(Name)]
public sealed class MediaCollection : ICollectionFixture<MediaFixture>
{
    public const string Name = "media";
}
