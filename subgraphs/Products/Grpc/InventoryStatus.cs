using Grpc.Core;
using Shop.Products.Inventory;
using Shop.Domain;
using Shop.ServiceDefaults.Grpc;

namespace Shop.Products.Grpc;

/// <summary>Domain refusals as gRPC statuses, with the error code as the "reason" trailer.</summary>
internal static class InventoryStatus
{
    public const string ShortagesTrailer = "shortages";
    public const string ShortagesBinaryTrailer = "shortages-bin";

    public static RpcException ToRpcException(DomainException exception)
    {
        var code = exception.Errors.Count > 0 ? exception.Errors[0].Code : string.Empty;
        var status = code switch
        {
            IdErrors.Invalid or InventoryErrors.InvalidLines or InventoryErrors.InvalidQuantity
                or InventoryErrors.InvalidReason => StatusCode.InvalidArgument,
            IdErrors.NotFound => StatusCode.NotFound,
            InventoryErrors.ReservationConflict => StatusCode.AlreadyExists,
            _ => StatusCode.FailedPrecondition,
        };
        return exception.ToRpcException(status);
    }

    /// <summary>A refused reservation: FAILED_PRECONDITION naming the short products in the trailers.</summary>
    public static RpcException Refused(ReservationOutcome outcome)
    {
        var refusal = outcome.Refusal ?? new DomainError(InventoryErrors.ReservationRejected, $"The reservation of order {outcome.OrderId} was refused.");
        var trailers = new Metadata();
        if (outcome.Shortages.Count > 0)
        {
            var shortages = new Shortages();
            shortages.Items.AddRange(outcome.Shortages.Select(s => new Shortage { ProductId = s.ProductId.ToString(), Requested = s.Requested, Available = s.Available }));
            trailers.Add(ShortagesTrailer, string.Join(',', outcome.Shortages.Select(s => $"{s.ProductId}:{s.Available}")));
            trailers.Add(ShortagesBinaryTrailer, Google.Protobuf.MessageExtensions.ToByteArray(shortages));
        }

        return GrpcErrors.FailedPrecondition(refusal.Code, refusal.Message, trailers);
    }

    public static ReservationState ToWire(this Data.ReservationState state) => state switch
    {
        Data.ReservationState.Held => ReservationState.Held,
        Data.ReservationState.Committed => ReservationState.Committed,
        Data.ReservationState.Released => ReservationState.Released,
        _ => ReservationState.Unspecified,
    };
}
