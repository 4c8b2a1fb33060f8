using Grpc.Core;
using Shop.Domain;

namespace Shop.ServiceDefaults.Grpc;

public static class DomainRpcExceptions
{
    /// <summary>
    /// The gRPC status for a business refusal: the first error's code as the reason trailer, its
    /// message as the status detail.
    /// </summary>
    public static RpcException ToRpcException(this DomainException exception, StatusCode code = StatusCode.FailedPrecondition)
    {
        var first = exception.Errors.Count > 0 ? exception.Errors[0] : new DomainError("REFUSED", exception.Message);
        return GrpcErrors.Create(code, first.Code, string.Join(" ", exception.Errors.Select(e => e.Message)));
    }
}
