using System.Runtime.CompilerServices;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace ReplayWorkflows.Media.Sources;

/// <summary>
/// Lists new chunk objects under an S3 prefix in number order, downloads each, and reports the local copy once.
/// Objects become visible in S3 only once fully written, so no settle time is needed.
/// </summary>
public sealed class S3ChunkSource : IChunkSource, IDisposable
{
    private readonly S3SourceOptions options;
    private readonly IAmazonS3 s3;
    private readonly bool ownsClient;

    public S3ChunkSource(S3SourceOptions options, IAmazonS3? client = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        ownsClient = client is null;
        s3 = client ?? CreateClient(options);
    }

    /// <summary>A client for the configured endpoint. Checksums only when required: many S3-protocol servers reject the newer trailers.</summary>
    public static AmazonS3Client CreateClient(S3SourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (options.ServiceUrl is { } url)
        {
            config.ServiceURL = url;
            config.AuthenticationRegion = options.Region;
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(options.Region);
        }

        return options.AccessKey is { } key
            ? new AmazonS3Client(new BasicAWSCredentials(key, options.SecretKey ?? string.Empty), config)
            : new AmazonS3Client(config);
    }

    public async IAsyncEnumerable<ChunkSourceEvent> WatchAsync(long afterNumber = -1, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(options.Bucket);
        Directory.CreateDirectory(options.DownloadDirectory);
        var sequence = new ChunkSequence(afterNumber);
        string? lastError = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            List<S3Object>? objects = null;
            string? error = null;
            try
            {
                objects = await ListAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (AmazonServiceException ex)
            {
                error = $"cannot list s3://{options.Bucket}/{options.Prefix}: {ex.Message}";
            }

            if (error is not null && error != lastError)
            {
                yield return new SourceProblem(error);
            }

            lastError = error;
            var ended = false;
            if (objects is not null)
            {
                ended = options.EndMarker is { } marker && objects.Any(o => o.Key == options.Prefix + marker);
                var chunks = objects
                    .Select(o => (o.Key, Number: ChunkNaming.TryParseNumber(o.Key)))
                    .Where(c => c.Number > sequence.Last)
                    .OrderBy(c => c.Number);
                foreach (var (key, number) in chunks)
                {
                    var local = Path.Combine(options.DownloadDirectory, Path.GetFileName(key));
                    string? failure = null;
                    try
                    {
                        await DownloadAsync(key, local, cancellationToken).ConfigureAwait(false);
                    }
                    catch (AmazonServiceException ex)
                    {
                        failure = $"cannot download s3://{options.Bucket}/{key}: {ex.Message}";
                    }

                    if (failure is not null)
                    {
                        // Retry this and later chunks on the next poll rather than report them out of order.
                        yield return new SourceProblem(failure);
                        ended = false;
                        break;
                    }

                    if (sequence.TryAdvance(number!.Value, out var gap))
                    {
                        if (gap is not null)
                        {
                            yield return gap;
                        }

                        yield return new ChunkFound(number.Value, local);
                    }
                }
            }

            if (ended)
            {
                yield return new SourceEnded();
                yield break;
            }

            await Task.Delay(options.PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        if (ownsClient)
        {
            s3.Dispose();
        }
    }

    private async Task<List<S3Object>> ListAsync(CancellationToken cancellationToken)
    {
        var all = new List<S3Object>();
        var request = new ListObjectsV2Request { BucketName = options.Bucket, Prefix = options.Prefix };
        while (true)
        {
            var page = await s3.ListObjectsV2Async(request, cancellationToken).ConfigureAwait(false);

            // SDK v4 leaves collections null when empty.
            all.AddRange(page.S3Objects ?? []);
            if (page.IsTruncated != true || string.IsNullOrEmpty(page.NextContinuationToken))
            {
                return all;
            }

            request.ContinuationToken = page.NextContinuationToken;
        }
    }

    private async Task DownloadAsync(string key, string local, CancellationToken cancellationToken)
    {
        // Download beside the target and rename, so a reader never sees a partial chunk.
        var partial = local + ".part";
        using (var response = await s3.GetObjectAsync(options.Bucket, key, cancellationToken).ConfigureAwait(false))
        {
            var file = File.Create(partial);
            await using (file.ConfigureAwait(false))
            {
                await response.ResponseStream.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            }
        }

        File.Move(partial, local, overwrite: true);
    }
}
