namespace Temporalio.Client;

/// <summary>How to reach a Temporal server.</summary>
public class TemporalConnectionOptions : ICloneable
{
    public TemporalConnectionOptions()
    {
    }

    public TemporalConnectionOptions(string targetHost) => TargetHost = targetHost;

    /// <summary><c>host:port</c> of the frontend, for example <c>localhost:7233</c>.</summary>
    public string? TargetHost { get; set; }

    /// <summary>TLS settings; null for plaintext (HTTP/2 prior knowledge).</summary>
    public TlsOptions? Tls { get; set; }

    /// <summary>Metadata sent with every call.</summary>
    public IReadOnlyCollection<KeyValuePair<string, string>>? RpcMetadata { get; set; }

    /// <summary>API key sent as <c>authorization: Bearer ...</c>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The identity reported to the server; defaults to <c>pid@host</c>.</summary>
    public string? Identity { get; set; }

    /// <summary>A shallow copy, with its own copy of <see cref="Tls"/>.</summary>
    public virtual object Clone()
    {
        var copy = (TemporalConnectionOptions)MemberwiseClone();
        copy.Tls = (TlsOptions?)Tls?.Clone();
        return copy;
    }
}

/// <summary>TLS settings of a connection.</summary>
public class TlsOptions : ICloneable
{
    /// <summary>The server name to verify, when it differs from the target host.</summary>
    public string? Domain { get; set; }

    /// <summary>A PEM root CA certificate to trust instead of the system store.</summary>
    public byte[]? ServerRootCACert { get; set; }

    /// <summary>A PEM client certificate for mutual TLS (with <see cref="ClientPrivateKey"/>).</summary>
    public byte[]? ClientCert { get; set; }

    public byte[]? ClientPrivateKey { get; set; }

    /// <summary>A shallow copy.</summary>
    public virtual object Clone() => MemberwiseClone();
}
