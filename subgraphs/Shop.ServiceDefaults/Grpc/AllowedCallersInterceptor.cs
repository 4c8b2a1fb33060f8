using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Shop.ServiceDefaults.Tls;

namespace Shop.ServiceDefaults.Grpc;

/// <summary>
/// Enforces <see cref="AllowedCallersAttribute"/> on every gRPC method: the caller is the service
/// named by its client certificate's CN; no list at all means nobody.
/// </summary>
internal sealed partial class AllowedCallersInterceptor(ILogger<AllowedCallersInterceptor> logger) : Interceptor
{
    public const string CallerNotAllowed = "CALLER_NOT_ALLOWED";
    public const string NoAllowList = "NO_ALLOW_LIST";

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context);
        return continuation(request, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context);
        return continuation(requestStream, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context);
        return continuation(request, responseStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context);
        return continuation(requestStream, responseStream, context);
    }

    private void Authorize(ServerCallContext context)
    {
        var http = context.GetHttpContext();
        var caller = ServiceIdentity.Of(http.Connection.ClientCertificate);
        var allowed = http.GetEndpoint()?.Metadata.GetMetadata<AllowedCallersAttribute>();
        if (caller is null)
        {
            // Kestrel already refused connections without a certificate; no identity here is a bug.
            LogDenied(logger, "(none)", context.Method, CallerNotAllowed);
            throw GrpcErrors.Create(StatusCode.PermissionDenied, CallerNotAllowed, "The caller presented no service certificate.");
        }

        if (allowed is null)
        {
            LogDenied(logger, caller, context.Method, NoAllowList);
            throw GrpcErrors.Create(StatusCode.PermissionDenied, NoAllowList, $"{context.Method} has no allow-list; nobody may call it.");
        }

        if (!allowed.Allows(caller))
        {
            LogDenied(logger, caller, context.Method, CallerNotAllowed);
            throw GrpcErrors.Create(StatusCode.PermissionDenied, CallerNotAllowed, $"'{caller}' may not call {context.Method}.");
        }

        LogAllowed(logger, caller, context.Method);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "gRPC call denied: {Caller} -> {Method} ({Reason})")]
    private static partial void LogDenied(ILogger logger, string caller, string method, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "gRPC call allowed: {Caller} -> {Method}")]
    private static partial void LogAllowed(ILogger logger, string caller, string method);
}
