using Amazon.S3;
using Amazon.S3.Model;
using ReplayWorkflows.Data.Records;
using ReplayWorkflows.EndToEnd.Support;
using ReplayWorkflows.Testing;

namespace ReplayWorkflows.EndToEnd;

/// <summary>Chunks in an S3 bucket (a real S3-protocol server) as an event's source.</summary>
public sealed class S3PipelineTests(S3rverFixture s3) : IClassFixture<S3rverFixture>
{
    [Fact]
    public async Task Chunks_uploaded_to_a_bucket_prefix_are_downloaded_in_order_and_processed()
    {
        var match = await Matches.EnsureAsync(60);
        // s3rver stores aws-chunked uploads with their chunk framing; plain uploads are what S3 itself stores.
        using var client = new AmazonS3Client(S3rverFixture.Credential, S3rverFixture.Credential, new AmazonS3Config { ServiceURL = s3.ServiceUrl, ForcePathStyle = true });
        await client.PutBucketAsync("feeds");
        foreach (var chunk in match.ChunkPaths)
        {
            await client.PutObjectAsync(new PutObjectRequest { BucketName = "feeds", Key = $"match-1/{Path.GetFileName(chunk)}", FilePath = chunk, UseChunkEncoding = false });
        }

        await client.PutObjectAsync(new PutObjectRequest { BucketName = "feeds", Key = "match-1/END", ContentBody = "" });
        await using var harness = await PipelineHarness.StartAsync(o =>
        {
            o.S3ServiceUrl = s3.ServiceUrl;
            o.S3AccessKey = S3rverFixture.Credential;
            o.S3SecretKey = S3rverFixture.Credential;
        });
        harness.StartWorkers();

        var summary = await harness.RunEventAsync(PipelineHarness.Event("s3", "s3://feeds/match-1/", vod: false), TimeSpan.FromMinutes(4));

        summary.Progress.Failures.ShouldBeEmpty();
        summary.Progress.ChunksProcessed.ShouldBe(match.ChunkPaths.Count);
        var chunks = await harness.Data.Chunks.ListAsync("s3");
        chunks.Select(c => c.ChunkNumber).ShouldBe(Enumerable.Range(1, match.ChunkPaths.Count));
        chunks.ShouldAllBe(c => c.Location.StartsWith(harness.Options.StorageRoot, StringComparison.Ordinal) && File.Exists(c.Location));
        var segments = await harness.Data.Segments.QueryAsync(new SegmentQuery("s3") { Closed = true });
        segments.Count.ShouldBe(match.Truth.Bursts.Count);
        await harness.AssertEveryHistoryReplaysAsync();
    }
}
