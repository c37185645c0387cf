using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReplayWorkflows.Temporal.Api.Grpc;
using Temporalio.Api.WorkflowService.V1;

namespace ReplayWorkflows.Temporal.Api.Tests.Grpc;

/// <summary>gRPC over TLS (https, ALPN h2) with a self-signed certificate the client is told to trust.</summary>
public sealed class GrpcTlsTests
{
    [Fact]
    public async Task A_call_over_TLS_succeeds_when_the_client_trusts_the_server_certificate_and_fails_otherwise()
    {
        using var certificate = SelfSigned();
        var definition = new GrpcServiceDefinition(TemporalServices.WorkflowService)
            .AddUnary<GetSystemInfoRequest, GetSystemInfoResponse>("GetSystemInfo", (_, _) => Task.FromResult(new GetSystemInfoResponse { ServerVersion = "tls" }));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l =>
        {
            l.Protocols = HttpProtocols.Http2;
            l.UseHttps(certificate);
        }));
        await using var app = builder.Build();
        app.MapGrpcService(definition);
        await app.StartAsync();
        var port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()).Port;
        var target = new Uri($"https://localhost:{port}");
        var thumbprint = certificate.Thumbprint;

        var trusting = new GrpcClientOptions
        {
            Tls = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, cert, _, _) => cert is X509Certificate2 c && c.Thumbprint == thumbprint,
            },
        };
        using (var client = new GrpcClientConnection(target, trusting))
        {
            var info = await client.UnaryAsync(TemporalServices.WorkflowServicePrefix + "GetSystemInfo", new GetSystemInfoRequest(), GetSystemInfoResponse.Parser);
            info.ServerVersion.ShouldBe("tls");
        }

        using (var client = new GrpcClientConnection(target))
        {
            var error = await Should.ThrowAsync<GrpcException>(() =>
                client.UnaryAsync(TemporalServices.WorkflowServicePrefix + "GetSystemInfo", new GetSystemInfoRequest(), GetSystemInfoResponse.Parser));
            error.StatusCode.ShouldBe(GrpcStatusCode.Unavailable);
        }

        await app.StopAsync();
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        // Kestrel needs a certificate whose private key it can use: round-trip through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }
}
