namespace ReplayWorkflows.Temporal.Api.Grpc;

/// <summary>Limits applied by <see cref="GrpcEndpointRouteBuilderExtensions.MapGrpcService"/>.</summary>
public sealed class GrpcServerOptions
{
    /// <summary>The largest request message accepted, after decompression (default 64 MiB).</summary>
    public int MaxReceiveMessageSize { get; set; } = 64 * 1024 * 1024;
}
