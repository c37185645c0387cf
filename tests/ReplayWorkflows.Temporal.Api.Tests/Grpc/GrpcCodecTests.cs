using System.Buffers;
using Google.Protobuf.WellKnownTypes;
using ReplayWorkflows.Temporal.Api.Grpc;
using Temporalio.Api.ErrorDetails.V1;

namespace ReplayWorkflows.Temporal.Api.Tests.Grpc;

public sealed class GrpcCodecTests
{
    [Fact]
    public void A_framed_message_reads_back_unchanged()
    {
        var message = "hello gRPC"u8.ToArray();

        var framed = GrpcMessageFraming.Frame(message);

        framed.Length.ShouldBe(5 + message.Length);
        framed[0].ShouldBe((byte)0);
        GrpcMessageFraming.ReadSingle(new ReadOnlySequence<byte>(framed), null, 1024).ShouldBe(message);
    }

    [Fact]
    public void A_gzip_frame_sets_the_flag_and_reads_back_with_its_encoding()
    {
        var message = Enumerable.Repeat((byte)'a', 10_000).ToArray();

        var framed = GrpcMessageFraming.FrameGzip(message);

        framed[0].ShouldBe((byte)1);
        framed.Length.ShouldBeLessThan(message.Length);
        GrpcMessageFraming.ReadSingle(new ReadOnlySequence<byte>(framed), "gzip", 1 << 20).ShouldBe(message);
    }

    [Fact]
    public void A_compressed_frame_with_an_unknown_encoding_is_unimplemented()
    {
        var framed = GrpcMessageFraming.FrameGzip("x"u8);

        var error = Should.Throw<GrpcException>(() => GrpcMessageFraming.ReadSingle(new ReadOnlySequence<byte>(framed), "snappy", 1024));

        error.StatusCode.ShouldBe(GrpcStatusCode.Unimplemented);
    }

    [Fact]
    public void A_gzip_bomb_is_stopped_at_the_size_limit()
    {
        var framed = GrpcMessageFraming.FrameGzip(new byte[1 << 20]);

        var error = Should.Throw<GrpcException>(() => GrpcMessageFraming.ReadSingle(new ReadOnlySequence<byte>(framed), "gzip", 64 * 1024));

        error.StatusCode.ShouldBe(GrpcStatusCode.ResourceExhausted);
    }

    [Theory]
    [InlineData(new byte[] { 0, 0, 0 })]
    [InlineData(new byte[] { 0, 0, 0, 0, 9, 1, 2 })]
    [InlineData(new byte[] { 7, 0, 0, 0, 1, 1 })]
    public void A_malformed_frame_is_an_error_not_a_crash(byte[] frame)
    {
        var error = Should.Throw<GrpcException>(() => GrpcMessageFraming.ReadSingle(new ReadOnlySequence<byte>(frame), null, 1024));

        error.StatusCode.ShouldBe(GrpcStatusCode.Internal);
    }

    [Theory]
    [InlineData("100m", 100 * TimeSpan.TicksPerMillisecond)]
    [InlineData("5S", 5 * TimeSpan.TicksPerSecond)]
    [InlineData("2M", 2 * TimeSpan.TicksPerMinute)]
    [InlineData("1H", TimeSpan.TicksPerHour)]
    [InlineData("1500u", 15000)]
    [InlineData("99999999n", 999999)]
    public void Grpc_timeout_values_parse_in_every_unit(string header, long ticks)
    {
        GrpcTimeoutHeader.TryParse(header, out var timeout).ShouldBeTrue();
        timeout.Ticks.ShouldBe(ticks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("10x")]
    [InlineData("123456789S")]
    [InlineData("-5S")]
    public void Invalid_grpc_timeout_values_are_rejected(string header) =>
        GrpcTimeoutHeader.TryParse(header, out _).ShouldBeFalse();

    [Theory]
    [InlineData(50)]
    [InlineData(70_000)]
    [InlineData(86_400_000)]
    public void A_formatted_timeout_parses_back_to_at_least_itself(long milliseconds)
    {
        var timeout = TimeSpan.FromMilliseconds(milliseconds);

        var header = GrpcTimeoutHeader.Format(timeout);

        header.Length.ShouldBeLessThanOrEqualTo(9);
        GrpcTimeoutHeader.TryParse(header, out var parsed).ShouldBeTrue();
        parsed.ShouldBeGreaterThanOrEqualTo(timeout);
    }

    [Theory]
    [InlineData("plain ascii text")]
    [InlineData("100% done")]
    [InlineData("chunk 3 of «Finale» failed\nline two")]
    public void Grpc_message_text_survives_percent_encoding(string text)
    {
        var encoded = GrpcMessageText.Encode(text);

        encoded.All(c => c is >= ' ' and <= '~').ShouldBeTrue();
        GrpcMessageText.Decode(encoded).ShouldBe(text);
    }

    [Fact]
    public void Status_details_round_trip_with_padding_or_without()
    {
        var detail = Any.Pack(new NamespaceNotFoundFailure { Namespace = "sports" });
        var bytes = GrpcStatusDetails.Encode(GrpcStatusCode.NotFound, "Namespace sports is not found.", [detail]);

        foreach (var header in new[] { GrpcStatusDetails.ToHeaderValue(bytes), Convert.ToBase64String(bytes) })
        {
            var (code, message, details) = GrpcStatusDetails.Decode(GrpcStatusDetails.FromHeaderValue(header));
            code.ShouldBe(GrpcStatusCode.NotFound);
            message.ShouldBe("Namespace sports is not found.");
            details.Single().Unpack<NamespaceNotFoundFailure>().Namespace.ShouldBe("sports");
        }
    }
}
