using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Temporalio.Converters;

namespace Temporalio.Client;

/// <summary>Client settings beyond the connection.</summary>
public class TemporalClientOptions
{
    public string Namespace { get; set; } = "default";

    public DataConverter DataConverter { get; set; } = DataConverter.Default;

    public ILoggerFactory LoggerFactory { get; set; } = NullLoggerFactory.Instance;

    /// <summary>Reject queries to workflows in these states; unset (or None) accepts queries to closed workflows too.</summary>
    public Api.Enums.V1.QueryRejectCondition? QueryRejectCondition { get; set; }
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
public class WorkflowSignalOptions
{
    public RpcOptions? Rpc { get; set; }
}

public class WorkflowQueryOptions
{
    public RpcOptions? Rpc { get; set; }

    public Api.Enums.V1.QueryRejectCondition? RejectCondition { get; set; }
}

public class WorkflowCancelOptions
{
    public RpcOptions? Rpc { get; set; }
}

public class WorkflowTerminateOptions
{
    public RpcOptions? Rpc { get; set; }

    public IReadOnlyCollection<object?>? Details { get; set; }
}

public class WorkflowDescribeOptions
{
    public RpcOptions? Rpc { get; set; }
}

public class WorkflowHistoryEventFetchOptions
{
    public RpcOptions? Rpc { get; set; }

    public bool WaitNewEvent { get; set; }

    public Api.Enums.V1.HistoryEventFilterType EventFilterType { get; set; } = Api.Enums.V1.HistoryEventFilterType.AllEvent;

    public bool SkipArchival { get; set; }
}

public class WorkflowListOptions
{
    public RpcOptions? Rpc { get; set; }

    /// <summary>Stop after this many results (null: all).</summary>
    public int? Limit { get; set; }
}

public class WorkflowCountOptions
{
    public RpcOptions? Rpc { get; set; }
}
