using System.Security.Cryptography;
using Amazon.S3.Model;
using ReplayWorkflows.Media.Sources;
using ReplayWorkflows.Media.Tests.Support;
using ReplayWorkflows.Testing;

namespace ReplayWorkflows.Media.Tests.Sources;

[Collection(MediaCollection.Name)]
public sealed class S3ChunkSourceTests(MediaFixture media, S3rverFixture s3) : IClassFixture<S3rverFixture>
{
    [Fact]
    public async Task New_objects_under_the_prefix_are_downloaded_and_reported_in_chunk_order_with_gaps()
    {
        using var client = s3.Client();
        var bucket = $"event-{Guid.NewGuid():N}"[..20];
        await client.PutBucketAsync(bucket);
        using var download = new TempDir();

        // Keys sort lexically as 10 < 9; chunks must still come in numeric order. An unrelated prefix is ignored.
        await PutAsync(client, bucket, "live/ch1/cam_9.ts", 1);
        await PutAsync(client, bucket, "live/ch1/cam_10.ts", 2);
        await PutAsync(client, bucket, "live/ch2/cam_1.ts", 1);
        var options = s3.Options(bucket, "live/ch1/", download.Path);
        options.EndMarker = "END";
        using var source = new S3ChunkSource(options);
        await using var collector = new EventCollector(source);
        await collector.WaitForChunksAsync(2);

        await PutAsync(client, bucket, "live/ch1/cam_12.ts", 3);
        await collector.WaitForChunksAsync(3);
        await client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "live/ch1/END", ContentBody = string.Empty });
        await collector.WaitForEndAsync();

        collector.Found.Select(f => f.Number).ShouldBe([9L, 10, 12]);
        collector.Events.OfType<ChunkGap>().ShouldHaveSingleItem().ShouldBe(new ChunkGap(11, 11));
        var local = collector.Found[2].Location;
        local.ShouldBe(Path.Combine(download.Path, "cam_12.ts"));
        var original = await File.ReadAllBytesAsync(media.Match.ChunkPaths[2]);
        var downloaded = await File.ReadAllBytesAsync(local);
        downloaded.Length.ShouldBe(original.Length);
        Convert.ToHexString(SHA256.HashData(downloaded)).ShouldBe(Convert.ToHexString(SHA256.HashData(original)));
        var probe = await media.Prober.ProbeAsync(local);
        probe.Video.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_missing_bucket_is_reported_as_a_problem_not_a_crash()
    {
        using var download = new TempDir();
        using var source = new S3ChunkSource(s3.Options("no-such-bucket-x", "p/", download.Path));
        await using var collector = new EventCollector(source);
        await Testing.Eventually.TrueAsync(() => collector.Events.OfType<SourceProblem>().Any(), TimeSpan.FromSeconds(20));
        collector.Events.OfType<SourceProblem>().First().Message.ShouldContain("no-such-bucket-x");
        collector.Found.ShouldBeEmpty();
    }

    // s3rver 3.7 stores aws-chunked (streaming-signature) uploads verbatim, so the uploader sends a plain body.
    private Task<PutObjectResponse> PutAsync(Amazon.S3.AmazonS3Client client, string bucket, string key, int chunk) =>
        client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, FilePath = media.Match.ChunkPaths[chunk - 1], UseChunkEncoding = false });
}
