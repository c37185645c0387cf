using System.Net.Security;

namespace ReplayWorkflows.Temporal.Api.Grpc;

/// <summary>Settings of a <see cref="GrpcClientConnection"/>.</summary>
public sealed class GrpcClientOptions
{
    /// <summary>Metadata sent with every call (for example <c>authorization</c> or <c>temporal-namespace</c>).</summary>
    public IList<KeyValuePair<string, string>> DefaultHeaders { get; } = [];

    /// <summary>The largest reply message accepted, after decompression (default 128 MiB).</summary>
    public int MaxReceiveMessageSize { get; set; } = 128 * 1024 * 1024;

    /// <summary>Compress requests with gzip (sets the compressed flag and <c>grpc-encoding: gzip</c>).</summary>
    public bool CompressRequests { get; set; }

    /// <summary>TLS settings when the target is https; null uses the system's trust store.</summary>
    public SslClientAuthenticationOptions? Tls { get; set; }

    /// <summary>The user-agent sent with every call.</summary>
    public string UserAgent { get; set; } = "replayworkflows-grpc/0.1";
}
