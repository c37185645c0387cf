using Google.Protobuf;
using ReplayWorkflows.Temporal.Api.Grpc;
using Temporalio.Exceptions;

namespace Temporalio.Client;

/// <summary>
/// The shared call path of the raw services: maps transport errors to <see cref="RpcException"/> and retries
/// transient unavailability with capped exponential backoff (as Temporal's SDKs do), unless told not to.
/// </summary>
public abstract class RpcService
{
    private static readonly TimeSpan MaxRetryElapsed = TimeSpan.FromSeconds(10);
    private readonly GrpcClientConnection connection;
    private readonly string prefix;

    private protected RpcService(GrpcClientConnection connection, string prefix)
    {
        this.connection = connection;
        this.prefix = prefix;
    }

    private protected async Task<TResponse> InvokeRpcAsync<TRequest, TResponse>(
        string method, TRequest request, MessageParser<TResponse> parser, RpcOptions? options)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        var call = new GrpcCallOptions { Timeout = options?.Timeout };
        foreach (var header in options?.Metadata ?? [])
        {
            call.Headers.Add(header);
        }

        var token = options?.CancellationToken ?? CancellationToken.None;
        var retry = options?.Retry ?? true;
        var started = DateTime.UtcNow;
        var backoff = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                return await connection.UnaryAsync(prefix + method, request, parser, call, token).ConfigureAwait(false);
            }
            catch (GrpcException ex) when (retry && ex.StatusCode is GrpcStatusCode.Unavailable or GrpcStatusCode.ResourceExhausted
                && DateTime.UtcNow - started + backoff < MaxRetryElapsed)
            {
                await Task.Delay(backoff, token).ConfigureAwait(false);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(2).Ticks));
            }
            catch (GrpcException ex) when (ex.StatusCode == GrpcStatusCode.DeadlineExceeded && options?.Timeout is not null)
            {
                throw new RpcTimeoutOrCanceledException($"{method} timed out after {options.Timeout}", ex);
            }
            catch (GrpcException ex)
            {
                throw new RpcException(ex);
            }
            catch (OperationCanceledException ex) when (token.IsCancellationRequested)
            {
                throw new RpcTimeoutOrCanceledException($"{method} was cancelled", ex);
            }
        }
    }
}
