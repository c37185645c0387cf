using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;

namespace ReplayWorkflows.Temporal.Api.Grpc;

/// <summary>
/// The gRPC length-prefixed message: 1 byte compressed flag, 4 bytes big-endian length, then the message.
/// A compressed message is decoded with the encoding named by the <c>grpc-encoding</c> header (gzip or identity).
/// </summary>
internal static class GrpcMessageFraming
{
    public const int HeaderLength = 5;

    /// <summary>Frames an uncompressed message.</summary>
    public static byte[] Frame(ReadOnlySpan<byte> message)
    {
        var framed = new byte[HeaderLength + message.Length];
        framed[0] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(framed.AsSpan(1), (uint)message.Length);
        message.CopyTo(framed.AsSpan(HeaderLength));
        return framed;
    }

    /// <summary>Frames a message compressed with gzip (flag set); the caller sends <c>grpc-encoding: gzip</c>.</summary>
    public static byte[] FrameGzip(ReadOnlySpan<byte> message)
    {
        using var buffer = new MemoryStream();
        buffer.Write(new byte[HeaderLength]);
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(message);
        }

        var framed = buffer.ToArray();
        framed[0] = 1;
        BinaryPrimitives.WriteUInt32BigEndian(framed.AsSpan(1), (uint)(framed.Length - HeaderLength));
        return framed;
    }

    /// <summary>
    /// Reads exactly one framed message from <paramref name="body"/>. Returns null when the body is empty (no message).
    /// Throws <see cref="GrpcException"/> for a malformed frame, an unsupported encoding or an oversized message.
    /// </summary>
    public static byte[]? ReadSingle(ReadOnlySequence<byte> body, string? encoding, int maxMessageSize)
    {
        if (body.Length == 0)
        {
            return null;
        }

        if (body.Length < HeaderLength)
        {
            throw new GrpcException(GrpcStatusCode.Internal, $"truncated gRPC frame: {body.Length} bytes, the header alone is {HeaderLength}");
        }

        Span<byte> header = stackalloc byte[HeaderLength];
        body.Slice(0, HeaderLength).CopyTo(header);
        var compressed = header[0];
        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (compressed > 1)
        {
            throw new GrpcException(GrpcStatusCode.Internal, $"invalid gRPC compressed flag {compressed}");
        }

        if (length > (uint)maxMessageSize)
        {
            throw new GrpcException(GrpcStatusCode.ResourceExhausted,
                $"received message larger than max ({length} vs. {maxMessageSize})");
        }

        if (body.Length - HeaderLength != length)
        {
            throw new GrpcException(GrpcStatusCode.Internal,
                $"gRPC frame declares {length} bytes but carries {body.Length - HeaderLength}; unary calls carry exactly one message");
        }

        var payload = body.Slice(HeaderLength).ToArray();
        if (compressed == 0)
        {
            return payload;
        }

        return Decompress(payload, encoding, maxMessageSize);
    }

    public static byte[] Decompress(byte[] payload, string? encoding, int maxMessageSize)
    {
        switch (encoding?.Trim().ToLowerInvariant())
        {
            case "gzip":
                using (var input = new GZipStream(new MemoryStream(payload), CompressionMode.Decompress))
                {
                    return ReadBounded(input, maxMessageSize);
                }

            case "deflate":
                using (var input = new ZLibStream(new MemoryStream(payload), CompressionMode.Decompress))
                {
                    return ReadBounded(input, maxMessageSize);
                }

            case null or "" or "identity":
                throw new GrpcException(GrpcStatusCode.Internal, "compressed gRPC message without a grpc-encoding");
            default:
                throw new GrpcException(GrpcStatusCode.Unimplemented, $"unsupported grpc-encoding '{encoding}' (supported: gzip, deflate, identity)");
        }
    }

    private static byte[] ReadBounded(Stream input, int maxMessageSize)
    {
        using var output = new MemoryStream();
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (output.Length + read > maxMessageSize)
                {
                    throw new GrpcException(GrpcStatusCode.ResourceExhausted,
                        $"decompressed message larger than max ({maxMessageSize} bytes)");
                }

                output.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException ex)
        {
            throw new GrpcException(GrpcStatusCode.Internal, $"corrupt compressed gRPC message: {ex.Message}", [], ex);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return output.ToArray();
    }
}
