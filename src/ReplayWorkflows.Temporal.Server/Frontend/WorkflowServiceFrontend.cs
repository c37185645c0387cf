using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using ReplayWorkflows.Temporal.Api.Grpc;
using ReplayWorkflows.Temporal.Server.History;
using ReplayWorkflows.Temporal.Server.Namespaces;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.Namespace.V1;
using Temporalio.Api.Replication.V1;
using Temporalio.Api.WorkflowService.V1;

namespace ReplayWorkflows.Temporal.Server.Frontend;

/// <summary>
/// The WorkflowService handlers: validate the request, then hand it to history or matching. Methods without a
/// handler answer UNIMPLEMENTED.
/// </summary>
internal sealed partial class WorkflowServiceFrontend
{
    public const string ServerVersion = "1.29.1";
    private const string ClusterName = "active";
    private readonly HistoryEngine history;
    private readonly NamespaceRegistry namespaces;
    private readonly DevServerOptions options;
    private readonly TimeProvider clock;
    private readonly string clusterId = Guid.NewGuid().ToString();

    public WorkflowServiceFrontend(HistoryEngine history, NamespaceRegistry namespaces, DevServerOptions options, TimeProvider clock)
    {
        this.history = history;
        this.namespaces = namespaces;
        this.options = options;
        this.clock = clock;
    }

    public GrpcServiceDefinition Build()
    {
        var d = new GrpcServiceDefinition(ReplayWorkflows.Temporal.Api.TemporalServices.WorkflowService);
        Unary<GetSystemInfoRequest, GetSystemInfoResponse>(d, "GetSystemInfo", (_, _) => GetSystemInfo());
        Unary<GetClusterInfoRequest, GetClusterInfoResponse>(d, "GetClusterInfo", (_, _) => GetClusterInfo());
        Unary<DescribeNamespaceRequest, DescribeNamespaceResponse>(d, "DescribeNamespace", (r, _) => DescribeNamespace(r));
        Unary<ListNamespacesRequest, ListNamespacesResponse>(d, "ListNamespaces", (_, _) => ListNamespaces());
        Unary<RegisterNamespaceRequest, RegisterNamespaceResponse>(d, "RegisterNamespace", (r, _) => RegisterNamespace(r));
        Unary<GetSearchAttributesRequest, GetSearchAttributesResponse>(d, "GetSearchAttributes", (_, _) => GetSearchAttributes());
        AddExecutionHandlers(d);
        AddWorkerHandlers(d);
        return d;
    }

    private static void Unary<TRequest, TResponse>(GrpcServiceDefinition d, string method, Func<TRequest, GrpcCallContext, TResponse> handler)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse> =>
        d.AddUnary<TRequest, TResponse>(method, (request, context) => Task.FromResult(handler(request, context)));

    private static GetSystemInfoResponse GetSystemInfo() => new()
    {
        ServerVersion = ServerVersion,
        Capabilities = new GetSystemInfoResponse.Types.Capabilities
        {
            SignalAndQueryHeader = true,
            InternalErrorDifferentiation = true,
            ActivityFailureIncludeHeartbeat = true,
            SupportsSchedules = false,
            EncodedFailureAttributes = true,
            BuildIdBasedVersioning = false,
            UpsertMemo = true,
            EagerWorkflowStart = false,
            SdkMetadata = true,
            CountGroupByExecutionStatus = true,
            Nexus = false,
        },
    };

    private GetClusterInfoResponse GetClusterInfo() => new()
    {
        ClusterName = ClusterName,
        ClusterId = clusterId,
        ServerVersion = ServerVersion,
        HistoryShardCount = 1,
        PersistenceStore = string.IsNullOrEmpty(options.DbFilename) ? "sqlite (in memory)" : "sqlite",
        VisibilityStore = "in-process",
        SupportedClients = { ["temporal-cli"] = "< 2.0.0", ["temporal-typescript"] = "< 2.0.0" },
    };

    private DescribeNamespaceResponse DescribeNamespace(DescribeNamespaceRequest request)
    {
        var ns = string.IsNullOrEmpty(request.Namespace)
            ? namespaces.All.FirstOrDefault(n => n.Id == request.Id)
                ?? throw new GrpcException(GrpcStatusCode.NotFound, $"Namespace {request.Id} is not found.")
            : namespaces.Get(request.Namespace);
        return ToDescription(ns);
    }

    private static DescribeNamespaceResponse ToDescription(NamespaceRecord ns)
    {
        var response = new DescribeNamespaceResponse
        {
            NamespaceInfo = new NamespaceInfo
            {
                Name = ns.Name,
                Id = ns.Id,
                State = NamespaceState.Registered,
                Description = ns.Description,
                OwnerEmail = ns.OwnerEmail,
                Capabilities = new NamespaceInfo.Types.Capabilities { EagerWorkflowStart = false, SyncUpdate = false, AsyncUpdate = false },
                SupportsSchedules = false,
            },
            Config = new NamespaceConfig
            {
                WorkflowExecutionRetentionTtl = Duration.FromTimeSpan(ns.Retention),
                HistoryArchivalState = ArchivalState.Disabled,
                VisibilityArchivalState = ArchivalState.Disabled,
            },
            ReplicationConfig = new NamespaceReplicationConfig
            {
                ActiveClusterName = ClusterName,
                Clusters = { new ClusterReplicationConfig { ClusterName = ClusterName } },
                State = ReplicationState.Normal,
            },
            IsGlobalNamespace = false,
        };
        foreach (var (k, v) in ns.Data)
        {
            response.NamespaceInfo.Data[k] = v;
        }
        return response;
    }

    private ListNamespacesResponse ListNamespaces()
    {
        var response = new ListNamespacesResponse();
        response.Namespaces.AddRange(namespaces.All.Select(ToDescription));
        return response;
    }

    private RegisterNamespaceResponse RegisterNamespace(RegisterNamespaceRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Namespace))
        {
            throw new GrpcException(GrpcStatusCode.InvalidArgument, "Namespace is not set on request.");
        }

        var retention = request.WorkflowExecutionRetentionPeriod?.ToTimeSpan() ?? TimeSpan.FromDays(1);
        namespaces.Register(request.Namespace, request.Description, request.OwnerEmail,
            retention > TimeSpan.Zero ? retention : TimeSpan.FromDays(1), request.Data);
        return new RegisterNamespaceResponse();
    }

    private GetSearchAttributesResponse GetSearchAttributes()
    {
        var response = new GetSearchAttributesResponse();
        foreach (var (name, type) in Visibility.SearchAttributeCatalog.System)
        {
            response.Keys[name] = type;
        }

        foreach (var (name, type) in namespaces.Get(NamespaceRegistry.DefaultNamespace).CustomSearchAttributes)
        {
            response.Keys[name] = type;
        }

        return response;
    }

    private void CheckPayloadSize(Temporalio.Api.Common.V1.Payloads? payloads, string what)
    {
        if (payloads is not null && payloads.CalculateSize() > options.MaxPayloadBytes)
        {
            throw new GrpcException(GrpcStatusCode.InvalidArgument,
                $"{what} size exceeds limit ({payloads.CalculateSize()} bytes > {options.MaxPayloadBytes} bytes).");
        }
    }
}
