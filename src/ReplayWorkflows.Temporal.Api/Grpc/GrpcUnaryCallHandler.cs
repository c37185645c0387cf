using System.IO.Pipelines;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ReplayWorkflows.Temporal.Api.Grpc;

/// <summary>Answers one unary gRPC call: read the framed request, run the handler, write the reply and status.</summary>
internal sealed partial class GrpcUnaryCallHandler(GrpcServiceDefinition definition, GrpcServerOptions options, ILogger logger)
{
    public async Task HandleAsync(HttpContext context, string methodName)
    {
        var fullMethod = $"/{definition.Service.FullName}/{methodName}";
        var response = context.Response;
        response.ContentType = "application/grpc";
        response.Headers["grpc-accept-encoding"] = "gzip,identity";

        using var deadlineSource = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        DateTimeOffset? deadline = null;
        try
        {
            if (context.Request.ContentType is not { } contentType || !contentType.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase))
            {
                response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
                return;
            }

            if (!definition.Handlers.TryGetValue(methodName, out var method))
            {
                var known = definition.Service.FindMethodByName(methodName) is not null;
                throw new GrpcException(GrpcStatusCode.Unimplemented, known
                    ? $"method {fullMethod} is not implemented by this server"
                    : $"unknown method {methodName} for service {definition.Service.FullName}");
            }

            if (GrpcTimeoutHeader.TryParse(context.Request.Headers["grpc-timeout"], out var timeout))
            {
                deadline = DateTimeOffset.UtcNow + timeout;
                deadlineSource.CancelAfter(timeout);
            }

            var encoding = context.Request.Headers["grpc-encoding"].ToString();
            var body = await ReadRequestAsync(context.Request.BodyReader, encoding, deadlineSource.Token).ConfigureAwait(false);
            var request = method.ParseRequest(body);
            var call = new GrpcCallContext(context.Request.Headers, fullMethod,
                $"{context.Connection.RemoteIpAddress}:{context.Connection.RemotePort}", deadline, deadlineSource.Token);
            var reply = await method.Invoke(request, call).ConfigureAwait(false);
            await WriteReplyAsync(response, reply, deadlineSource.Token).ConfigureAwait(false);
            AppendStatus(response, GrpcStatusCode.OK, string.Empty, null);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The caller went away: nobody is left to read a status.
            LogCallerGone(logger, fullMethod);
        }
        catch (OperationCanceledException) when (deadlineSource.IsCancellationRequested)
        {
            AppendStatus(response, GrpcStatusCode.DeadlineExceeded, "deadline exceeded", null);
        }
        catch (GrpcException ex)
        {
            AppendStatus(response, ex.StatusCode, ex.Message, ex);
        }
        catch (InvalidProtocolBufferException ex)
        {
            AppendStatus(response, GrpcStatusCode.InvalidArgument, $"malformed request message for {fullMethod}: {ex.Message}", null);
        }
        catch (Exception ex)
        {
            LogHandlerFailed(logger, ex, fullMethod);
            AppendStatus(response, GrpcStatusCode.Internal, $"internal error in {fullMethod}: {ex.Message}", null);
        }
    }

    private async Task<byte[]> ReadRequestAsync(PipeReader reader, string encoding, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (buffer.Length > (long)options.MaxReceiveMessageSize + GrpcMessageFraming.HeaderLength)
            {
                throw new GrpcException(GrpcStatusCode.ResourceExhausted,
                    $"received message larger than max ({buffer.Length - GrpcMessageFraming.HeaderLength} vs. {options.MaxReceiveMessageSize})");
            }

            if (result.IsCompleted)
            {
                try
                {
                    return GrpcMessageFraming.ReadSingle(buffer, encoding, options.MaxReceiveMessageSize)
                        ?? throw new GrpcException(GrpcStatusCode.Internal, "request carried no message");
                }
                finally
                {
                    reader.AdvanceTo(buffer.End);
                }
            }

            // Wait for the whole body: unary requests are one message followed by end of stream.
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static async Task WriteReplyAsync(HttpResponse response, IMessage reply, CancellationToken cancellationToken)
    {
        var size = reply.CalculateSize();
        var writer = response.BodyWriter;
        var memory = writer.GetMemory(GrpcMessageFraming.HeaderLength + size);
        memory.Span[0] = 0;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(memory.Span[1..], (uint)size);
        reply.WriteTo(memory.Span.Slice(GrpcMessageFraming.HeaderLength, size));
        writer.Advance(GrpcMessageFraming.HeaderLength + size);
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void AppendStatus(HttpResponse response, GrpcStatusCode code, string message, GrpcException? error)
    {
        // Before any body is written the status goes in the headers ("trailers-only"), as gRPC servers do for errors.
        var trailersOnly = !response.HasStarted;
        void Set(string name, string value)
        {
            if (trailersOnly)
            {
                response.Headers[name] = value;
            }
            else
            {
                response.AppendTrailer(name, value);
            }
        }

        Set("grpc-status", ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (message.Length > 0)
        {
            Set("grpc-message", GrpcMessageText.Encode(message));
        }

        if (error is { Details.Count: > 0 })
        {
            Set(GrpcStatusDetails.TrailerName,
                GrpcStatusDetails.ToHeaderValue(GrpcStatusDetails.Encode(code, message, error.Details)));
        }
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "gRPC call {Method}: caller disconnected")]
    private static partial void LogCallerGone(ILogger logger, string method);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "gRPC call {Method} failed with an unexpected exception")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string method);
}
