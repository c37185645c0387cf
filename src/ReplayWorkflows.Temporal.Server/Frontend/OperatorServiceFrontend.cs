using ReplayWorkflows.Temporal.Api;
using ReplayWorkflows.Temporal.Api.Grpc;
using ReplayWorkflows.Temporal.Server.Namespaces;
using ReplayWorkflows.Temporal.Server.Visibility;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.OperatorService.V1;

namespace ReplayWorkflows.Temporal.Server.Frontend;

/// <summary>The OperatorService subset a dev server needs: custom search attributes.</summary>
internal sealed class OperatorServiceFrontend
{
    private readonly NamespaceRegistry namespaces;

    public OperatorServiceFrontend(NamespaceRegistry namespaces)
    {
        this.namespaces = namespaces;
    }

    public GrpcServiceDefinition Build()
    {
        var d = new GrpcServiceDefinition(TemporalServices.OperatorService);
        d.AddUnary<AddSearchAttributesRequest, AddSearchAttributesResponse>("AddSearchAttributes", (r, _) =>
        {
            var ns = string.IsNullOrEmpty(r.Namespace) ? NamespaceRegistry.DefaultNamespace : r.Namespace;
            foreach (var (name, type) in r.SearchAttributes)
            {
                if (SearchAttributeCatalog.System.ContainsKey(name))
                {
                    throw new GrpcException(GrpcStatusCode.InvalidArgument, $"Search attribute {name} is reserved by system.");
                }

                if (type == IndexedValueType.Unspecified)
                {
                    throw new GrpcException(GrpcStatusCode.InvalidArgument, $"Unknown search attribute type for {name}.");
                }
            }

            namespaces.AddSearchAttributes(ns, r.SearchAttributes);
            return Task.FromResult(new AddSearchAttributesResponse());
        });
        d.AddUnary<RemoveSearchAttributesRequest, RemoveSearchAttributesResponse>("RemoveSearchAttributes", (r, _) =>
        {
            namespaces.RemoveSearchAttributes(string.IsNullOrEmpty(r.Namespace) ? NamespaceRegistry.DefaultNamespace : r.Namespace, r.SearchAttributes);
            return Task.FromResult(new RemoveSearchAttributesResponse());
        });
        d.AddUnary<ListSearchAttributesRequest, ListSearchAttributesResponse>("ListSearchAttributes", (r, _) =>
        {
            var ns = namespaces.Get(string.IsNullOrEmpty(r.Namespace) ? NamespaceRegistry.DefaultNamespace : r.Namespace);
            var response = new ListSearchAttributesResponse();
            foreach (var (k, v) in ns.CustomSearchAttributes)
            {
                response.CustomAttributes[k] = v;
            }

            foreach (var (k, v) in SearchAttributeCatalog.System)
            {
                response.SystemAttributes[k] = v;
            }

            return Task.FromResult(response);
        });
        return d;
    }
}
