using ReplayWorkflows.Testing;

namespace ReplayWorkflows.Media.Tests.Support;

/// <summary>Parses a playlist with the npm <c>hls-parser</c> in strict mode (RFC 8216 MUSTs); returns its error or null.</summary>
public static class HlsValidator
{
    private const string Script = """
        const HLS = require('hls-parser');
        HLS.setOptions({ strictMode: true });
        const text = require('fs').readFileSync(process.argv[1], 'utf8');
        try {
          const p = HLS.parse(text);
          console.log(JSON.stringify({ ok: true, master: p.isMasterPlaylist, segments: p.isMasterPlaylist ? 0 : p.segments.length, variants: p.isMasterPlaylist ? p.variants.length : 0 }));
        } catch (e) {
          console.log(JSON.stringify({ ok: false, error: String(e.message) }));
        }
        """;

    public static async Task<string> ParseStrictAsync(string playlistPath)
    {
        await NodeTools.EnsureInstalledAsync();
        var result = await ProcessRunner.RunAsync("node", ["-e", Script, playlistPath], RepoPaths.NodeTools, TimeSpan.FromMinutes(1));
        result.ExitCode.ShouldBe(0, result.StdErr);
        return result.StdOut.Trim();
    }

    public static async Task ValidAsync(string playlistPath)
    {
        var output = await ParseStrictAsync(playlistPath);
        output.ShouldStartWith("{\"ok\":true", customMessage: $"hls-parser rejected {playlistPath}: {output}\n{await File.ReadAllTextAsync(playlistPath)}");
    }
}
