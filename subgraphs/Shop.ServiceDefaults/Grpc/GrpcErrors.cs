using Grpc.Core;
using Shop.Domain;

namespace Shop.ServiceDefaults.Grpc;

/// <summary>Status codes with a machine-readable reason in the trailers.</summary>
public static class GrpcErrors
{
    /// <summary>Trailer carrying a stable, upper-case reason such as <c>INSUFFICIENT_STOCK</c>.</summary>
    public const string ReasonTrailer = "reason";

    public static RpcException Create(StatusCode code, string reason, string message, Metadata? trailers = null)
    {
        var metadata = trailers ?? [];
        metadata.Add(ReasonTrailer, reason);
        return new RpcException(new Status(code, message), metadata);
    }

    public static RpcException InvalidArgument(string reason, string message) => Create(StatusCode.InvalidArgument, reason, message);

    public static RpcException NotFound(string reason, string message) => Create(StatusCode.NotFound, reason, message);

    public static RpcException FailedPrecondition(string reason, string message, Metadata? trailers = null)
        => Create(StatusCode.FailedPrecondition, reason, message, trailers);

    public static RpcException AlreadyExists(string reason, string message) => Create(StatusCode.AlreadyExists, reason, message);

    /// <summary>A UUID field of a request; anything else is INVALID_ARGUMENT with the reason <see cref="IdErrors.Invalid"/>.</summary>
    public static Guid ParseId(string? value, string field)
        => Guid.TryParse(value, out var id) ? id : throw InvalidArgument(IdErrors.Invalid, $"'{field}' is not a valid id.");

    /// <summary>The reason trailer of a failed call, if the server sent one.</summary>
    public static string? Reason(this RpcException exception) => exception.Trailers.GetValue(ReasonTrailer);
}
