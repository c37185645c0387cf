using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using ReplayWorkflows.Temporal.Api.Grpc;

namespace Temporalio.Client;

/// <summary>A connection to a Temporal server.</summary>
public interface ITemporalConnection
{
    WorkflowService WorkflowService { get; }

    OperatorService OperatorService { get; }

    TemporalConnectionOptions Options { get; }
}

/// <summary>A connection to a Temporal server over our gRPC transport; share one per process.</summary>
public sealed class TemporalConnection : ITemporalConnection
{
    private readonly GrpcClientConnection grpc;

    private TemporalConnection(TemporalConnectionOptions options)
    {
        Options = options;
        var target = options.TargetHost ?? throw new ArgumentException("TargetHost is required, for example localhost:7233");
        var scheme = options.Tls is null ? "http" : "https";
        var grpcOptions = new GrpcClientOptions { UserAgent = "replayworkflows-sdk-dotnet/0.1" };
        foreach (var header in options.RpcMetadata ?? [])
        {
            grpcOptions.DefaultHeaders.Add(header);
        }

        if (options.ApiKey is { Length: > 0 } key)
        {
            grpcOptions.DefaultHeaders.Add(new("authorization", "Bearer " + key));
        }

        grpcOptions.DefaultHeaders.Add(new("client-name", "replayworkflows-sdk-dotnet"));
        grpcOptions.DefaultHeaders.Add(new("client-version", "0.1.0"));
        if (options.Tls is { } tls)
        {
            grpcOptions.Tls = BuildTls(tls, target);
        }

        grpc = new GrpcClientConnection(new Uri($"{scheme}://{target}"), grpcOptions);
        WorkflowService = new WorkflowService(grpc);
        OperatorService = new OperatorService(grpc);
    }

    public WorkflowService WorkflowService { get; }

    public OperatorService OperatorService { get; }

    public TemporalConnectionOptions Options { get; }

    /// <summary>Connects and checks the server answers (GetSystemInfo), so a wrong address fails here with a clear error.</summary>
    public static async Task<TemporalConnection> ConnectAsync(TemporalConnectionOptions options)
    {
        var connection = new TemporalConnection(options);
        try
        {
            await connection.WorkflowService.GetSystemInfoAsync(new(), new RpcOptions { Timeout = TimeSpan.FromSeconds(10) }).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>A connection that connects on first use.</summary>
    public static TemporalConnection CreateLazy(TemporalConnectionOptions options) => new(options);

    // Not public: the official connection is not disposable; only a failed ConnectAsync releases its transport.
    internal void Dispose() => grpc.Dispose();

    private static SslClientAuthenticationOptions BuildTls(TlsOptions tls, string target)
    {
        var ssl = new SslClientAuthenticationOptions
        {
            TargetHost = tls.Domain ?? target.Split(':')[0],
            ApplicationProtocols = [SslApplicationProtocol.Http2],
        };
        if (tls.ClientCert is not null && tls.ClientPrivateKey is not null)
        {
            ssl.ClientCertificates = [X509Certificate2.CreateFromPem(
                System.Text.Encoding.ASCII.GetString(tls.ClientCert), System.Text.Encoding.ASCII.GetString(tls.ClientPrivateKey))];
        }

        if (tls.ServerRootCACert is not null)
        {
            var root = X509Certificate2.CreateFromPem(System.Text.Encoding.ASCII.GetString(tls.ServerRootCACert));
            ssl.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
            {
                if (errors == SslPolicyErrors.None)
                {
                    return true;
                }

                if (certificate is null)
                {
                    return false;
                }

                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(root);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return chain.Build(new X509Certificate2(certificate));
            };
        }

        return ssl;
    }
}
