using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ReplayWorkflows.Temporal.Api.Grpc;

/// <summary>Maps a protobuf service onto ASP.NET Core endpoints that speak gRPC over HTTP/2.</summary>
public static class GrpcEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Routes <c>POST /{package.Service}/{Method}</c> for every method of the service. Kestrel must listen with
    /// HTTP/2 (cleartext with prior knowledge, or TLS with ALPN).
    /// </summary>
    public static IEndpointConventionBuilder MapGrpcService(
        this IEndpointRouteBuilder endpoints, GrpcServiceDefinition definition, GrpcServerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(definition);
        var logger = endpoints.ServiceProvider.GetService<ILoggerFactory>()?.CreateLogger("ReplayWorkflows.Grpc")
            ?? NullLogger.Instance;
        var handler = new GrpcUnaryCallHandler(definition, options ?? new GrpcServerOptions(), logger);
        var service = definition.Service.FullName;
        return endpoints.MapPost($"/{service}/{{method}}", (HttpContext context, string method) => handler.HandleAsync(context, method));
    }

    /// <summary>
    /// Answers UNIMPLEMENTED for gRPC calls to services this server does not host (instead of a bare HTTP 404),
    /// so clients see a proper gRPC status.
    /// </summary>
    public static IEndpointConventionBuilder MapGrpcUnimplementedFallback(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapPost("/{service}/{method}", (HttpContext context, string service, string method) =>
        {
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = ((int)GrpcStatusCode.Unimplemented).ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers["grpc-message"] = GrpcMessageText.Encode($"unknown service {service}");
            return Task.CompletedTask;
        });
    }
}
