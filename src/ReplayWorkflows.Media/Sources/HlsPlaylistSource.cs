using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ReplayWorkflows.Media.Sources;

/// <summary>
/// Watches an HLS media playlist (file or URL; VOD, EVENT or sliding-window live) and reports each segment once, in
/// media-sequence order, with gaps for segments that slid out of the window before they were seen.
/// </summary>
public sealed partial class HlsPlaylistSource(HlsSourceOptions options, HttpClient? http = null, ILogger<HlsPlaylistSource>? logger = null) : IChunkSource
{
    private readonly ILogger log = (ILogger?)logger ?? NullLogger.Instance;

    public async IAsyncEnumerable<ChunkSourceEvent> WatchAsync(long afterNumber = -1, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(options.Playlist);
        var sequence = new ChunkSequence(afterNumber);
        var reported = new HashSet<(int, string)>();
        string? lastReadError = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string? text = null;
            string? readError = null;
            try
            {
                text = await ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException or UnauthorizedAccessException)
            {
                // A live playlist may not exist yet, or a reload may fail; keep polling and say so once.
                readError = $"cannot read playlist {options.Playlist}: {ex.Message}";
            }

            HlsMediaPlaylist? playlist = null;
            if (text is not null)
            {
                try
                {
                    playlist = HlsPlaylistParser.Parse(text);
                }
                catch (HlsPlaylistException ex)
                {
                    readError = $"playlist {options.Playlist}: {ex.Message}";
                }
            }

            if (readError is not null && readError != lastReadError)
            {
                LogProblem(log, readError);
                yield return new SourceProblem(readError, (playlist is null && text is not null) ? 1 : null);
            }

            lastReadError = readError;
            if (playlist is not null)
            {
                foreach (var problem in playlist.Problems)
                {
                    if (reported.Add((problem.LineNumber, problem.Line)))
                    {
                        yield return new SourceProblem($"playlist {options.Playlist} {problem}", problem.LineNumber);
                    }
                }

                foreach (var segment in playlist.Segments)
                {
                    if (sequence.TryAdvance(segment.SequenceNumber, out var gap))
                    {
                        if (gap is not null)
                        {
                            yield return gap;
                        }

                        yield return new ChunkFound(segment.SequenceNumber, Resolve(segment.Uri), segment.Duration, segment.Discontinuity, segment.ProgramDateTime);
                    }
                }

                if (playlist.EndList && options.StopAtEndList)
                {
                    yield return new SourceEnded();
                    yield break;
                }
            }

            var wait = options.PollInterval
                ?? TimeSpan.FromSeconds(Math.Max(0.5, (playlist?.TargetDurationSeconds ?? 2) / 2.0));
            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<string> ReadAsync(CancellationToken cancellationToken)
    {
        if (IsUrl(options.Playlist))
        {
            if (http is null)
            {
                throw new HttpRequestException("an HttpClient is needed for playlist URLs");
            }

            return await http.GetStringAsync(new Uri(options.Playlist), cancellationToken).ConfigureAwait(false);
        }

        // Writers replace playlists by rename; FileShare.ReadWrite also tolerates ones that rewrite in place.
        var stream = new FileStream(options.Playlist, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        await using (stream.ConfigureAwait(false))
        {
            using var reader = new StreamReader(stream);
            return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private string Resolve(string uri)
    {
        if (IsUrl(uri))
        {
            return uri;
        }

        if (IsUrl(options.Playlist))
        {
            return new Uri(new Uri(options.Playlist), uri).ToString();
        }

        return Path.IsPathRooted(uri) ? uri : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(options.Playlist)) ?? ".", uri));
    }

    private static bool IsUrl(string location) =>
        location.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || location.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(EventId = 6301, Level = LogLevel.Warning, Message = "{Problem}")]
    private static partial void LogProblem(ILogger logger, string problem);
}
