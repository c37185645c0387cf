using Amazon.S3;
using ReplayWorkflows.Media.Sources;
using ReplayWorkflows.Testing;

namespace ReplayWorkflows.Media.Tests.Support;

/// <summary>Source options and clients for the shared s3rver fixture.</summary>
internal static class S3rverOptions
{
    public static S3SourceOptions Options(this S3rverFixture s3, string bucket, string prefix, string downloadDirectory) => new()
    {
        ServiceUrl = s3.ServiceUrl,
        Bucket = bucket,
        Prefix = prefix,
        DownloadDirectory = downloadDirectory,
        AccessKey = S3rverFixture.Credential,
        SecretKey = S3rverFixture.Credential,
        PollInterval = TimeSpan.FromMilliseconds(50),
    };

    public static AmazonS3Client Client(this S3rverFixture s3) => S3ChunkSource.CreateClient(s3.Options("unused", string.Empty, Path.GetTempPath()));
}
