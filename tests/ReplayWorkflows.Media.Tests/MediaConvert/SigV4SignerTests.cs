using System.Text;
using ReplayWorkflows.Media.Rendering.MediaConvert;

namespace ReplayWorkflows.Media.Tests.MediaConvert;

/// <summary>
/// The signer against AWS's published Signature Version 4 examples (AWS General Reference, "Signature Version 4
/// test suite" get-vanilla and the IAM ListUsers walk-through), which use these example credentials.
/// </summary>
public sealed class SigV4SignerTests
{
    private const string ExampleSecret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private const string EmptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    [Fact]
    public void Get_vanilla_from_the_aws_test_suite()
    {
        var canonical = SigV4Signer.CanonicalRequest(
            "GET", "/", string.Empty, [new("Host", "example.amazonaws.com"), new("X-Amz-Date", "20150830T123600Z")], EmptyHash);
        canonical.ShouldBe("GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n" + EmptyHash);

        var scope = SigV4Signer.Scope("20150830", "us-east-1", "service");
        SigV4Signer.StringToSign("20150830T123600Z", scope, canonical).ShouldBe(
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\nbb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63");

        SigV4Signer.Authorization(new AwsCredentials("AKIDEXAMPLE", ExampleSecret), "us-east-1", "service", "20150830T123600Z", "host;x-amz-date", canonical).ShouldBe(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, " +
            "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
    }

    [Fact]
    public void Iam_list_users_walk_through_with_query_and_content_type()
    {
        var canonical = SigV4Signer.CanonicalRequest(
            "GET",
            "/",
            "Version=2010-05-08&Action=ListUsers",
            [new("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"), new("Host", "iam.amazonaws.com"), new("X-Amz-Date", "20150830T123600Z")],
            EmptyHash);
        canonical.ShouldBe(
            "GET\n/\nAction=ListUsers&Version=2010-05-08\ncontent-type:application/x-www-form-urlencoded; charset=utf-8\nhost:iam.amazonaws.com\n" +
            "x-amz-date:20150830T123600Z\n\ncontent-type;host;x-amz-date\n" + EmptyHash);
        SigV4Signer.HexSha256(Encoding.UTF8.GetBytes(canonical)).ShouldBe("f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59");
        Convert.ToHexStringLower(SigV4Signer.SigningKey(ExampleSecret, "20150830", "us-east-1", "iam"))
            .ShouldBe("c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9");
        SigV4Signer.Signature(ExampleSecret, "20150830T123600Z", "us-east-1", "iam", canonical)
            .ShouldBe("5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7");
    }

    [Fact]
    public void Path_segments_are_encoded_once_more_and_query_parameters_sorted_and_encoded()
    {
        SigV4Signer.CanonicalUri("/2017-08-29/jobs/a%20b").ShouldBe("/2017-08-29/jobs/a%2520b");
        SigV4Signer.CanonicalQuery("b=2&a=x%20y&a=1").ShouldBe("a=1&a=x%20y&b=2");
        SigV4Signer.UriEncode("ሴ~").ShouldBe("%E1%88%B4~");
    }

    [Fact]
    public void Signing_a_request_adds_date_token_and_authorization_over_the_signed_headers()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://mediaconvert.eu-west-1.amazonaws.com/2017-08-29/jobs")
        {
            Content = new ByteArrayContent("{}"u8.ToArray()),
        };
        request.Content.Headers.ContentType = new("application/json");
        SigV4Signer.Sign(request, "{}"u8.ToArray(), new AwsCredentials("AKID", "secret", "token"), "eu-west-1", "mediaconvert", new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        request.Headers.GetValues("x-amz-date").Single().ShouldBe("20260102T030405Z");
        request.Headers.GetValues("x-amz-security-token").Single().ShouldBe("token");
        var authorization = request.Headers.GetValues("Authorization").Single();
        authorization.ShouldStartWith("AWS4-HMAC-SHA256 Credential=AKID/20260102/eu-west-1/mediaconvert/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token, Signature=");
    }
}
