using Google.Protobuf.Reflection;

namespace ReplayWorkflows.Temporal.Api;

/// <summary>Temporal's gRPC service descriptors (the protos are compiled as messages only, without stubs).</summary>
public static class TemporalServices
{
    /// <summary><c>temporal.api.workflowservice.v1.WorkflowService</c>.</summary>
    public static ServiceDescriptor WorkflowService { get; } =
        Temporalio.Api.WorkflowService.V1.ServiceReflection.Descriptor.FindTypeByName<ServiceDescriptor>("WorkflowService");

    /// <summary><c>temporal.api.operatorservice.v1.OperatorService</c>.</summary>
    public static ServiceDescriptor OperatorService { get; } =
        Temporalio.Api.OperatorService.V1.ServiceReflection.Descriptor.FindTypeByName<ServiceDescriptor>("OperatorService");

    /// <summary>The path prefix of WorkflowService methods, for client calls: <c>temporal.api.workflowservice.v1.WorkflowService/</c>.</summary>
    public static string WorkflowServicePrefix { get; } = WorkflowService.FullName + "/";

    /// <summary>The path prefix of OperatorService methods.</summary>
    public static string OperatorServicePrefix { get; } = OperatorService.FullName + "/";
}
