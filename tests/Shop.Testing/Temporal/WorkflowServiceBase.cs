using Google.Protobuf;
using Grpc.Core;
using Temporalio.Api.WorkflowService.V1;

namespace Shop.Testing.Temporal;

/// <summary>
/// The slice of Temporal's <c>WorkflowService</c> a starter and a signaller use, bound by hand the
/// way generated service bases are (the Temporalio package carries the messages, not a server base).
/// </summary>
[BindServiceMethod(typeof(WorkflowServiceBase), nameof(BindService))]
internal abstract class WorkflowServiceBase
{
    private const string ServiceName = "temporal.api.workflowservice.v1.WorkflowService";

    public virtual Task<GetSystemInfoResponse> GetSystemInfo(GetSystemInfoRequest request, ServerCallContext context)
        => throw new RpcException(new Status(StatusCode.Unimplemented, nameof(GetSystemInfo)));

    public virtual Task<StartWorkflowExecutionResponse> StartWorkflowExecution(StartWorkflowExecutionRequest request, ServerCallContext context)
        => throw new RpcException(new Status(StatusCode.Unimplemented, nameof(StartWorkflowExecution)));

    public virtual Task<SignalWorkflowExecutionResponse> SignalWorkflowExecution(SignalWorkflowExecutionRequest request, ServerCallContext context)
        => throw new RpcException(new Status(StatusCode.Unimplemented, nameof(SignalWorkflowExecution)));

    public static void BindService(ServiceBinderBase binder, WorkflowServiceBase? service)
    {
        // ASP.NET Core's binder passes no instance and calls the overriding method of the same name per call.
        binder.AddMethod(Unary(GetSystemInfoRequest.Parser, GetSystemInfoResponse.Parser, nameof(GetSystemInfo)), (UnaryServerMethod<GetSystemInfoRequest, GetSystemInfoResponse>)null!);
        binder.AddMethod(Unary(StartWorkflowExecutionRequest.Parser, StartWorkflowExecutionResponse.Parser, nameof(StartWorkflowExecution)), (UnaryServerMethod<StartWorkflowExecutionRequest, StartWorkflowExecutionResponse>)null!);
        binder.AddMethod(Unary(SignalWorkflowExecutionRequest.Parser, SignalWorkflowExecutionResponse.Parser, nameof(SignalWorkflowExecution)), (UnaryServerMethod<SignalWorkflowExecutionRequest, SignalWorkflowExecutionResponse>)null!);
    }

    private static Method<TRequest, TResponse> Unary<TRequest, TResponse>(MessageParser<TRequest> request, MessageParser<TResponse> response, string name)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
        => new(MethodType.Unary, ServiceName, name,
            Marshallers.Create(message => message.ToByteArray(), request.ParseFrom),
            Marshallers.Create(message => message.ToByteArray(), response.ParseFrom));
}
