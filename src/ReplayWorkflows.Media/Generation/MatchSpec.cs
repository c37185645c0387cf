using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ReplayWorkflows.Media.FFmpeg;

namespace ReplayWorkflows.Media.Generation;

/// <summary>
/// What synthetic match to generate. The same spec always yields the same timeline (seeded) and therefore the same
/// ground truth; <see cref="CacheKey"/> names its cache folder.
/// </summary>
public sealed record MatchSpec(int Seed = 1, int DurationSeconds = 60, MatchVariant Variant = MatchVariant.Hd720p25, int ChunkSeconds = 10)
{
    /// <summary>Bumped whenever the generator's output for a given spec changes, so stale caches are not reused.</summary>
    internal const int GeneratorVersion = 4;

    /// <summary>Seconds between key frames; chunk lengths are whole multiples so HLS chunks start on key frames.</summary>
    public const int GopSeconds = 2;

    public int Width => Variant == MatchVariant.Hd720p25 ? 1280 : 1920;

    public int Height => Variant == MatchVariant.Hd720p25 ? 720 : 1080;

    public Rational FrameRate => Variant == MatchVariant.Hd720p25 ? Rational.Fps25 : Rational.Fps2997;

    /// <summary>Frames per GOP: the nominal integer rate times <see cref="GopSeconds"/> (60 frames = 2.002 s at 29.97).</summary>
    public int GopFrames => (int)Math.Round(FrameRate.Value) * GopSeconds;

    public string CacheKey
    {
        get
        {
            var text = string.Create(CultureInfo.InvariantCulture, $"v{GeneratorVersion}|{Seed}|{DurationSeconds}|{Variant}|{ChunkSeconds}");
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
        }
    }

    /// <summary>Throws when the spec cannot be generated (too short, chunk length out of range or off the GOP grid).</summary>
    public void Validate()
    {
        if (DurationSeconds is < 10 or > 4 * 3600)
        {
            throw new ArgumentOutOfRangeException(nameof(DurationSeconds), DurationSeconds, "a match lasts 10 s to 4 h");
        }

        if (ChunkSeconds is < 6 or > 30 || ChunkSeconds % GopSeconds != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ChunkSeconds), ChunkSeconds, $"chunks are 6 to 30 s and a multiple of the {GopSeconds} s GOP");
        }
    }
}
