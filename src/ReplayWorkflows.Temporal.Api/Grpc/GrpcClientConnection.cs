using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace ReplayWorkflows.Temporal.Api.Grpc;

/// <summary>
/// A client connection for unary gRPC calls over HTTP/2: prior knowledge on http targets, TLS with ALPN on https.
/// One instance multiplexes any number of concurrent calls (long polls included); dispose it when done.
/// </summary>
public sealed class GrpcClientConnection : IDisposable
{
    private static readonly MediaTypeHeaderValue GrpcContentType = new("application/grpc");
    private readonly HttpMessageInvoker invoker;
    private readonly GrpcClientOptions options;

    public GrpcClientConnection(Uri target, GrpcClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException($"gRPC target must be http:// or https://, not {target}", nameof(target));
        }

        Target = target;
        this.options = options ?? new GrpcClientOptions();
        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            KeepAlivePingDelay = TimeSpan.FromSeconds(30),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(20),
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
        };
        if (this.options.Tls is { } tls)
        {
            handler.SslOptions = tls;
        }

        invoker = new HttpMessageInvoker(handler, disposeHandler: true);
    }

    public Uri Target { get; }

    /// <summary>
    /// Calls a unary method. <paramref name="fullMethodName"/> is <c>package.Service/Method</c> (a leading '/' is optional).
    /// Throws <see cref="GrpcException"/> for any non-OK status (including DeadlineExceeded and Unavailable when the
    /// server cannot be reached) and <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> fires.
    /// </summary>
    public async Task<TResponse> UnaryAsync<TRequest, TResponse>(
        string fullMethodName, TRequest request, MessageParser<TResponse> parser,
        GrpcCallOptions? callOptions = null, CancellationToken cancellationToken = default)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(parser);
        var path = fullMethodName.StartsWith('/') ? fullMethodName : "/" + fullMethodName;
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(Target, path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        var bytes = request.ToByteArray();
        var content = new ByteArrayContent(options.CompressRequests ? GrpcMessageFraming.FrameGzip(bytes) : GrpcMessageFraming.Frame(bytes));
        content.Headers.ContentType = GrpcContentType;
        message.Content = content;
        message.Headers.TryAddWithoutValidation("te", "trailers");
        message.Headers.TryAddWithoutValidation("user-agent", options.UserAgent);
        message.Headers.TryAddWithoutValidation("grpc-accept-encoding", "gzip,identity");
        if (options.CompressRequests)
        {
            message.Headers.TryAddWithoutValidation("grpc-encoding", "gzip");
        }

        foreach (var (name, value) in options.DefaultHeaders.Concat(callOptions?.Headers ?? []))
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (callOptions?.Timeout is { } timeout)
        {
            message.Headers.TryAddWithoutValidation("grpc-timeout", GrpcTimeoutHeader.Format(timeout));
            deadline.CancelAfter(timeout);
        }

        try
        {
            using var response = await invoker.SendAsync(message, deadline.Token).ConfigureAwait(false);
            return await ReadReplyAsync(response, parser, path, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException ex) when (deadline.IsCancellationRequested)
        {
            throw new GrpcException(GrpcStatusCode.DeadlineExceeded, $"deadline exceeded calling {path}", [], ex);
        }
        catch (HttpRequestException ex)
        {
            throw new GrpcException(GrpcStatusCode.Unavailable, $"cannot reach {Target} for {path}: {ex.Message}", [], ex);
        }
        catch (IOException ex)
        {
            throw new GrpcException(GrpcStatusCode.Unavailable, $"connection to {Target} broke during {path}: {ex.Message}", [], ex);
        }
    }

    private async Task<TResponse> ReadReplyAsync<TResponse>(
        HttpResponseMessage response, MessageParser<TResponse> parser, string path, CancellationToken cancellationToken)
        where TResponse : IMessage<TResponse>
    {
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new GrpcException(FromHttpStatus(response.StatusCode),
                $"{path}: HTTP {(int)response.StatusCode} {response.ReasonPhrase} from {Target}, not a gRPC reply");
        }

        // Trailers-only replies carry the status in the headers and no body.
        var status = StatusFrom(response.Headers);
        byte[]? payload = null;
        if (status is null)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var encoding = response.Headers.TryGetValues("grpc-encoding", out var encodings) ? encodings.FirstOrDefault() : null;
            payload = GrpcMessageFraming.ReadSingle(new System.Buffers.ReadOnlySequence<byte>(body), encoding, options.MaxReceiveMessageSize);
            status = StatusFrom(response.TrailingHeaders)
                ?? throw new GrpcException(GrpcStatusCode.Internal, $"{path}: reply from {Target} ended without grpc-status");
        }

        if (status.Value.Code != GrpcStatusCode.OK)
        {
            throw new GrpcException(status.Value.Code, status.Value.Message, status.Value.Details);
        }

        if (payload is null)
        {
            throw new GrpcException(GrpcStatusCode.Internal, $"{path}: OK reply from {Target} carried no message");
        }

        return parser.ParseFrom(payload);
    }

    private static (GrpcStatusCode Code, string Message, IReadOnlyList<Any> Details)? StatusFrom(HttpHeaders headers)
    {
        if (!headers.TryGetValues("grpc-status", out var statusValues))
        {
            return null;
        }

        var code = int.TryParse(statusValues.FirstOrDefault(), out var parsed) ? (GrpcStatusCode)parsed : GrpcStatusCode.Unknown;
        var message = headers.TryGetValues("grpc-message", out var messages) ? GrpcMessageText.Decode(messages.FirstOrDefault()) : string.Empty;
        IReadOnlyList<Any> details = [];
        if (headers.TryGetValues(GrpcStatusDetails.TrailerName, out var detailValues) && detailValues.FirstOrDefault() is { Length: > 0 } encoded)
        {
            try
            {
                details = GrpcStatusDetails.Decode(GrpcStatusDetails.FromHeaderValue(encoded)).Details;
            }
            catch (Exception ex) when (ex is FormatException or InvalidProtocolBufferException)
            {
                // Undecodable details must not hide the status itself.
                details = [];
            }
        }

        return (code, message, details);
    }

    private static GrpcStatusCode FromHttpStatus(HttpStatusCode status) => status switch
    {
        HttpStatusCode.BadRequest => GrpcStatusCode.Internal,
        HttpStatusCode.Unauthorized => GrpcStatusCode.Unauthenticated,
        HttpStatusCode.Forbidden => GrpcStatusCode.PermissionDenied,
        HttpStatusCode.NotFound => GrpcStatusCode.Unimplemented,
        HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => GrpcStatusCode.Unavailable,
        _ => GrpcStatusCode.Unknown,
    };

    public void Dispose() => invoker.Dispose();
}
