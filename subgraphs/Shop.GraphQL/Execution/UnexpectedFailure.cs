using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Shop.GraphQL.Execution;

/// <summary>
/// An exception that escaped execution inside a transport (not a resolver's, which the executer
/// masks): logged in full under a trace id, answered with a <see cref="MaskedError"/> carrying it.
/// </summary>
internal static partial class UnexpectedFailure
{
    public static ExecutionResult Mask(ILogger logger, Exception exception, string transport)
    {
        var traceId = Activity.Current?.TraceId.ToHexString() ?? ActivityTraceId.CreateRandom().ToHexString();
        LogFailure(logger, exception, transport, traceId);
        return new ExecutionResult { Errors = [new MaskedError(traceId)] };
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error serving GraphQL over {Transport}; trace {TraceId}")]
    private static partial void LogFailure(ILogger logger, Exception exception, string transport, string traceId);
}
