using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Temporalio.Converters;

namespace Temporalio.Client;

/// <summary>Client settings beyond the connection.</summary>
public class TemporalClientOptions : ICloneable
{
    public string Namespace { get; set; } = "default";

    public DataConverter DataConverter { get; set; } = DataConverter.Default;

    public ILoggerFactory LoggerFactory { get; set; } = NullLoggerFactory.Instance;

    /// <summary>Reject queries to workflows in these states; unset (or None) accepts queries to closed workflows too.</summary>
    public Api.Enums.V1.QueryRejectCondition? QueryRejectCondition { get; set; }

    /// <summary>A shallow copy.</summary>
    public virtual object Clone() => MemberwiseClone();
}

/// <summary>Connection and client settings together, for <see cref="TemporalClient.ConnectAsync"/>.</summary>
public class TemporalClientConnectOptions : TemporalConnectionOptions
{
    public TemporalClientConnectOptions()
    {
    }

    public TemporalClientConnectOptions(string targetHost)
        : base(targetHost)
    {
    }

    public string Namespace { get; set; } = "default";

    public DataConverter DataConverter { get; set; } = DataConverter.Default;

    public ILoggerFactory LoggerFactory { get; set; } = NullLoggerFactory.Instance;

    public Api.Enums.V1.QueryRejectCondition? QueryRejectCondition { get; set; }

    public TemporalClientOptions ToClientOptions() =>
        new() { Namespace = Namespace, DataConverter = DataConverter, LoggerFactory = LoggerFactory, QueryRejectCondition = QueryRejectCondition };
}

/// <summary>Options of per-handle calls.</summary>
public class WorkflowSignalOptions : ICloneable
{
    public RpcOptions? Rpc { get; set; }

    /// <summary>A shallow copy, with its own copy of <see cref="Rpc"/>.</summary>
    public virtual object Clone()
    {
        var copy = (WorkflowSignalOptions)MemberwiseClone();
        copy.Rpc = (RpcOptions?)Rpc?.Clone();
        return copy;
    }
}

public class WorkflowQueryOptions : ICloneable
{
    public RpcOptions? Rpc { get; set; }

    public Api.Enums.V1.QueryRejectCondition? RejectCondition { get; set; }

    /// <summary>A shallow copy, with its own copy of <see cref="Rpc"/>.</summary>
    public virtual object Clone()
    {
        var copy = (WorkflowQueryOptions)MemberwiseClone();
        copy.Rpc = (RpcOptions?)Rpc?.Clone();
        return copy;
    }
}

public class WorkflowCancelOptions : ICloneable
{
    public RpcOptions? Rpc { get; set; }

    /// <summary>A shallow copy, with its own copy of <see cref="Rpc"/>.</summary>
    public virtual object Clone()
    {
        var copy = (WorkflowCancelOptions)MemberwiseClone();
        copy.Rpc = (RpcOptions?)Rpc?.Clone();
        return copy;
    }
}

public class WorkflowTerminateOptions : ICloneable
{
    public RpcOptions? Rpc { get; set; }

    public IReadOnlyCollection<object?>? Details { get; set; }

    /// <summary>A shallow copy, with its own copy of <see cref="Rpc"/>.</summary>
    public virtual object Clone()
    {
        var copy = (WorkflowTerminateOptions)MemberwiseClone();
        copy.Rpc = (RpcOptions?)Rpc?.Clone();
        return copy;
    }
}

public class WorkflowDescribeOptions : ICloneable
{
    public RpcOptions? Rpc { get; set; }

    /// <summary>A shallow copy, with its own copy of <see cref="Rpc"/>.</summary>
    public virtual object Clone()
    {
        var copy = (WorkflowDescribeOptions)MemberwiseClone();
        copy.Rpc = (RpcOptions?)Rpc?.Clone();
        return copy;
    }
}

public class WorkflowHistoryEventFetchOptions : ICloneable
{
    public RpcOptions? Rpc { get; set; }

    public bool WaitNewEvent { get; set; }

    public Api.Enums.V1.HistoryEventFilterType EventFilterType { get; set; } = Api.Enums.V1.HistoryEventFilterType.AllEvent;

    public bool SkipArchival { get; set; }

    /// <summary>A shallow copy, with its own copy of <see cref="Rpc"/>.</summary>
    public virtual object Clone()
    {
        var copy = (WorkflowHistoryEventFetchOptions)MemberwiseClone();
        copy.Rpc = (RpcOptions?)Rpc?.Clone();
        return copy;
    }
}

public class WorkflowListOptions : ICloneable
{
    public RpcOptions? Rpc { get; set; }

    /// <summary>Stop after this many results (null: all).</summary>
    public int? Limit { get; set; }

    /// <summary>A shallow copy, with its own copy of <see cref="Rpc"/>.</summary>
    public virtual object Clone()
    {
        var copy = (WorkflowListOptions)MemberwiseClone();
        copy.Rpc = (RpcOptions?)Rpc?.Clone();
        return copy;
    }
}

public class WorkflowCountOptions : ICloneable
{
    public RpcOptions? Rpc { get; set; }

    /// <summary>A shallow copy, with its own copy of <see cref="Rpc"/>.</summary>
    public virtual object Clone()
    {
        var copy = (WorkflowCountOptions)MemberwiseClone();
        copy.Rpc = (RpcOptions?)Rpc?.Clone();
        return copy;
    }
}
