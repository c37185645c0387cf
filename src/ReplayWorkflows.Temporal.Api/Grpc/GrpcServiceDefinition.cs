using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace ReplayWorkflows.Temporal.Api.Grpc;

/// <summary>
/// A protobuf service and the handlers implementing some of its unary methods. Every method of the descriptor
/// is routed; those without a handler answer UNIMPLEMENTED.
/// </summary>
public sealed class GrpcServiceDefinition
{
    private readonly Dictionary<string, GrpcUnaryMethod> handlers = new(StringComparer.Ordinal);

    public GrpcServiceDefinition(ServiceDescriptor service)
    {
        Service = service;
    }

    public ServiceDescriptor Service { get; }

    internal IReadOnlyDictionary<string, GrpcUnaryMethod> Handlers => handlers;

    /// <summary>Registers the handler of a unary method; the request and response types must match the descriptor.</summary>
    public GrpcServiceDefinition AddUnary<TRequest, TResponse>(string methodName, Func<TRequest, GrpcCallContext, Task<TResponse>> handler)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(handler);
        var method = Service.FindMethodByName(methodName)
            ?? throw new ArgumentException($"{Service.FullName} has no method {methodName}", nameof(methodName));
        var requestDescriptor = new TRequest().Descriptor;
        if (method.InputType.FullName != requestDescriptor.FullName)
        {
            throw new ArgumentException($"{Service.FullName}/{methodName} takes {method.InputType.FullName}, not {requestDescriptor.FullName}", nameof(methodName));
        }

        if (method.IsClientStreaming || method.IsServerStreaming)
        {
            throw new ArgumentException($"{Service.FullName}/{methodName} is a streaming method; only unary methods are supported", nameof(methodName));
        }

        var parser = new MessageParser<TRequest>(() => new TRequest());
        handlers[methodName] = new GrpcUnaryMethod(
            method,
            bytes => parser.ParseFrom(bytes),
            async (request, context) => await handler((TRequest)request, context).ConfigureAwait(false));
        return this;
    }
}

/// <summary>A registered unary method: how to parse its request and how to answer it.</summary>
internal sealed record GrpcUnaryMethod(
    MethodDescriptor Method,
    Func<byte[], IMessage> ParseRequest,
    Func<IMessage, GrpcCallContext, Task<IMessage>> Invoke);
