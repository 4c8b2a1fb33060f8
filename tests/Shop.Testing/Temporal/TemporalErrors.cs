using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Temporalio.Api.Common.V1;
using Temporalio.Api.ErrorDetails.V1;

namespace Shop.Testing.Temporal;

/// <summary>Temporal's error answers as its frontend sends them: a status with typed details.</summary>
internal static class TemporalErrors
{
    public static RpcException AlreadyStarted(string workflowId, string runId, string requestId)
    {
        var status = new GrpcStatus
        {
            Code = (int)StatusCode.AlreadyExists,
            Message = $"Workflow execution is already running. WorkflowId: {workflowId}, RunId: {runId}.",
            Details = { Any.Pack(new WorkflowExecutionAlreadyStartedFailure { RunId = runId, StartRequestId = requestId }) },
        };
        var trailers = new Metadata { { "grpc-status-details-bin", status.ToByteArray() } };
        return new RpcException(new Status(StatusCode.AlreadyExists, status.Message), trailers);
    }
}
