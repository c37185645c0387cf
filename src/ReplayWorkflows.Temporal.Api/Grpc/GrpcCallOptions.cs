namespace ReplayWorkflows.Temporal.Api.Grpc;

/// <summary>Per-call settings of a client call.</summary>
public sealed class GrpcCallOptions
{
    /// <summary>The call's deadline relative to its start; sent as <c>grpc-timeout</c> and enforced locally.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>Metadata sent as request headers (lower-case names), added to the connection's defaults.</summary>
    public IList<KeyValuePair<string, string>> Headers { get; } = [];
}
