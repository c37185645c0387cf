using Microsoft.AspNetCore.Http;

namespace ReplayWorkflows.Temporal.Api.Grpc;

/// <summary>What a server-side handler knows about the call it is answering.</summary>
public sealed class GrpcCallContext
{
    private readonly IHeaderDictionary headers;

    internal GrpcCallContext(IHeaderDictionary headers, string method, string peer, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        this.headers = headers;
        Method = method;
        Peer = peer;
        Deadline = deadline;
        CancellationToken = cancellationToken;
    }

    /// <summary>The method's full name, for example <c>/temporal.api.workflowservice.v1.WorkflowService/StartWorkflowExecution</c>.</summary>
    public string Method { get; }

    /// <summary>The remote address and port of the caller.</summary>
    public string Peer { get; }

    /// <summary>The caller's deadline from <c>grpc-timeout</c>, if any.</summary>
    public DateTimeOffset? Deadline { get; }

    /// <summary>Cancelled when the deadline passes or the caller goes away.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>A request metadata value (for example <c>temporal-namespace</c> or <c>authorization</c>), or null.</summary>
    public string? GetHeader(string name)
    {
        var value = headers[name];
        return value.Count == 0 ? null : value.ToString();
    }
}
