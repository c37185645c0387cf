using ReplayWorkflows.Temporal.Api;
using ReplayWorkflows.Temporal.Api.Grpc;
using Temporalio.Api.OperatorService.V1;

namespace Temporalio.Client;

/// <summary>Raw calls of Temporal's OperatorService.</summary>
public sealed class OperatorService : RpcService
{
    internal OperatorService(GrpcClientConnection connection)
        : base(connection, TemporalServices.OperatorServicePrefix)
    {
    }

    public Task<AddSearchAttributesResponse> AddSearchAttributesAsync(AddSearchAttributesRequest req, RpcOptions? options = null) =>
        InvokeRpcAsync("AddSearchAttributes", req, AddSearchAttributesResponse.Parser, options);

    public Task<ListSearchAttributesResponse> ListSearchAttributesAsync(ListSearchAttributesRequest req, RpcOptions? options = null) =>
        InvokeRpcAsync("ListSearchAttributes", req, ListSearchAttributesResponse.Parser, options);

    public Task<RemoveSearchAttributesResponse> RemoveSearchAttributesAsync(RemoveSearchAttributesRequest req, RpcOptions? options = null) =>
        InvokeRpcAsync("RemoveSearchAttributes", req, RemoveSearchAttributesResponse.Parser, options);
}
