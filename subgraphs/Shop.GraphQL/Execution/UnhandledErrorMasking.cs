using System.Diagnostics;
using GraphQL.Execution;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Shop.GraphQL.Execution;

/// <summary>Logs an unexpected resolver exception in full and hands the client a masked error.</summary>
internal static partial class UnhandledErrorMasking
{
    public static void Handle(UnhandledExceptionContext context)
    {
        var options = context.ExecutionOptions;
        if (context.OriginalException is OperationCanceledException && options.CancellationToken.IsCancellationRequested)
        {
            return;
        }

        var traceId = Activity.Current?.TraceId.ToHexString() ?? ActivityTraceId.CreateRandom().ToHexString();
        var logger = options.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger("Shop.GraphQL");
        if (logger is not null)
        {
            LogUnhandled(logger, context.OriginalException, context.FieldContext?.Path is { } path ? string.Join('.', path) : "(document)", traceId);
        }

        context.Exception = new MaskedError(traceId);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error resolving {Path}; trace {TraceId}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string path, string traceId);
}
