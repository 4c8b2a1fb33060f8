using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Shop.GraphQL.Execution;

/// <summary>
/// Bridges a subscription's observable results to one async reader. A subscriber that falls
/// <c>maxPending</c> events behind gets a final error and its source is disposed, so a slow
/// client cannot grow the server's memory without bound.
/// </summary>
internal sealed partial class ResultStream : IObserver<ExecutionResult>, IDisposable
{
    // Not SingleReader: that variant cannot count its backlog, which the slow-subscriber check needs.
    private readonly Channel<ExecutionResult> _channel = Channel.CreateUnbounded<ExecutionResult>();
    private readonly int _maxPending;
    private readonly ILogger _logger;
    private IDisposable? _subscription;

    private ResultStream(int maxPending, ILogger logger)
    {
        _maxPending = maxPending;
        _logger = logger;
    }

    public ChannelReader<ExecutionResult> Reader => _channel.Reader;

    public static ResultStream Subscribe(IObservable<ExecutionResult> source, int maxPending, ILogger logger)
    {
        var stream = new ResultStream(maxPending, logger);
        stream._subscription = source.Subscribe(stream);
        return stream;
    }

    public void OnNext(ExecutionResult value)
    {
        if (_channel.Reader.Count >= _maxPending)
        {
            _channel.Writer.TryWrite(GraphQLExecutor.RequestError("SUBSCRIBER_TOO_SLOW", "The subscriber fell too far behind; the stream was ended."));
            _channel.Writer.TryComplete();
            _subscription?.Dispose();
            return;
        }

        _channel.Writer.TryWrite(value);
    }

    public void OnError(Exception error)
    {
        if (error is not ExecutionError executionError)
        {
            var traceId = Activity.Current?.TraceId.ToHexString() ?? ActivityTraceId.CreateRandom().ToHexString();
            LogSourceFailed(_logger, error, traceId);
            executionError = new MaskedError(traceId);
        }

        _channel.Writer.TryWrite(new ExecutionResult { Errors = [executionError] });
        _channel.Writer.TryComplete();
    }

    public void OnCompleted() => _channel.Writer.TryComplete();

    public void Dispose()
    {
        _subscription?.Dispose();
        _channel.Writer.TryComplete();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Subscription source failed; trace {TraceId}")]
    private static partial void LogSourceFailed(ILogger logger, Exception exception, string traceId);
}
