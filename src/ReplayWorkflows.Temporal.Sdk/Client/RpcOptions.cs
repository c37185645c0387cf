namespace Temporalio.Client;

/// <summary>Per-call settings of a server call.</summary>
public class RpcOptions : ICloneable
{
    public CancellationToken? CancellationToken { get; set; }

    public TimeSpan? Timeout { get; set; }

    public IReadOnlyCollection<KeyValuePair<string, string>>? Metadata { get; set; }

    /// <summary>Retry transient failures (Unavailable); null uses the connection's default (retry).</summary>
    public bool? Retry { get; set; }

    /// <summary>A shallow copy.</summary>
    public virtual object Clone() => MemberwiseClone();
}
