namespace Shop.GraphQL.Execution;

/// <summary>
/// What a client sees of an unexpected exception: a fixed message and the trace id under which
/// the full detail was logged.
/// </summary>
public sealed class MaskedError : ExecutionError
{
    public const string ErrorCode = "INTERNAL_SERVER_ERROR";

    public MaskedError(string traceId)
        : base("Unexpected error.")
    {
        TraceId = traceId;
        Code = ErrorCode;
    }

    public string TraceId { get; }
}
