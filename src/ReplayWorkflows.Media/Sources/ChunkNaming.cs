using System.Globalization;
using System.Text.RegularExpressions;

namespace ReplayWorkflows.Media.Sources;

/// <summary>MediaLive-style chunk names end in <c>_&lt;N&gt;.ts</c>; N orders chunks (numeric, not lexical: 10 after 9).</summary>
public static partial class ChunkNaming
{
    /// <summary>The chunk number in a name such as <c>channel_42.ts</c> or an S3 key ending so; null when absent.</summary>
    public static long? TryParseNumber(string pathOrKey)
    {
        var match = NumberPattern().Match(pathOrKey);
        return match.Success && long.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    [GeneratedRegex(@"_(\d+)\.ts$", RegexOptions.IgnoreCase)]
    private static partial Regex NumberPattern();
}
