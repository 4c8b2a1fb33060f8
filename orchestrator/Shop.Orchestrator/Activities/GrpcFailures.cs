using Grpc.Core;
using Shop.ServiceDefaults.Grpc;
using Temporalio.Exceptions;
using RpcException = Grpc.Core.RpcException;

namespace Shop.Orchestrator.Activities;

/// <summary>
/// Turns a failed gRPC call into what Temporal should do with it: a business refusal is final
/// (non-retryable, its reason as the error type, so the workflow can branch on it); anything else
/// (UNAVAILABLE, DEADLINE_EXCEEDED, ABORTED...) is tried again with the activity's backoff.
/// </summary>
public static class GrpcFailures
{
    /// <summary>Error type of a transient failure: the status code, e.g. <c>UNAVAILABLE</c>.</summary>
    public static string TransientType(StatusCode code) => ToUpperSnake(code.ToString());

    public static bool IsRefusal(StatusCode code) => code is StatusCode.InvalidArgument or StatusCode.FailedPrecondition
        or StatusCode.NotFound or StatusCode.AlreadyExists or StatusCode.OutOfRange;

    public static async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (RpcException exception)
        {
            throw ToFailure(exception);
        }
    }

    public static ApplicationFailureException ToFailure(RpcException exception)
    {
        var code = exception.StatusCode;
        var message = exception.Status.Detail;
        if (exception.Trailers.GetValue("shortages") is { Length: > 0 } shortages)
        {
            message = $"{message} Short (product:available): {shortages}.";
        }

        return IsRefusal(code)
            ? new ApplicationFailureException(message, errorType: exception.Reason() ?? TransientType(code), nonRetryable: true)
            : new ApplicationFailureException($"{code}: {message}", errorType: TransientType(code), nonRetryable: false);
    }

    private static string ToUpperSnake(string name)
        => string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();
}
