using Grpc.Core;
using Microsoft.Extensions.Options;
using Shop.GraphQL.Sessions;
using Shop.Users.Grpc;

namespace Shop.Orders.Sessions;

/// <summary>
/// Keeps a stream of revoked sessions open to the users service and records each one in the kit's
/// <see cref="RevokedSessions"/>, which ends that session's subscriptions. It reconnects with
/// backoff and resumes from the newest revocation it has seen, so a logout during an outage still
/// arrives afterwards. While users cannot be reached, subscriptions go on until their tokens
/// expire (fail-open, bounded by the token lifetime); the outage is logged once.
/// </summary>
public sealed partial class SessionRevocationWatcher(
    SessionRevocationsService.SessionRevocationsServiceClient client,
    RevokedSessions revoked,
    IOptions<SessionRevocationOptions> options,
    ILogger<SessionRevocationWatcher> logger) : BackgroundService
{
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DateTimeOffset? _cursor;
    private bool _outage;

    /// <summary>Completes once the first batch (replay or heartbeat) has arrived.</summary>
    public Task Connected => _connected.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var backoff = settings.InitialBackoff;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await WatchAsync(() => backoff = settings.InitialBackoff, stoppingToken);
            }
            catch (Exception exception) when (stoppingToken.IsCancellationRequested && exception is OperationCanceledException or RpcException)
            {
                // This service is stopping: the call ends as Cancelled, which is no outage of users.
                return;
            }
            catch (Exception exception) when (exception is RpcException or TimeoutException or IOException or HttpRequestException)
            {
                if (!_outage)
                {
                    _outage = true;
                    LogUnavailable(logger, exception.Message);
                }
            }

            try
            {
                await Task.Delay(backoff, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, settings.MaxBackoff.Ticks));
        }
    }

    private async Task WatchAsync(Action healthy, CancellationToken stoppingToken)
    {
        var request = new WatchSessionRevocationsRequest { After = _cursor is { } cursor ? Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(cursor) : null };
        // No deadline: the call lasts as long as both services do; the heartbeat tells a dead one.
        using var call = client.WatchSessionRevocations(request, deadline: DateTime.MaxValue, cancellationToken: stoppingToken);
        while (true)
        {
            using var idle = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            idle.CancelAfter(options.Value.IdleTimeout);
            bool more;
            try
            {
                more = await call.ResponseStream.MoveNext(idle.Token);
            }
            catch (RpcException exception) when (exception.StatusCode == StatusCode.Cancelled && !stoppingToken.IsCancellationRequested)
            {
                throw new TimeoutException($"No revocations nor heartbeat for {options.Value.IdleTimeout}.", exception);
            }

            if (!more)
            {
                // Users ended the call (it is stopping): open it again, from the cursor.
                return;
            }

            foreach (var revocation in call.ResponseStream.Current.Revocations)
            {
                var revokedAt = revocation.RevokedAt.ToDateTimeOffset();
                revoked.Revoke(revocation.SessionId, revocation.TokensExpireBy.ToDateTimeOffset());
                _cursor = _cursor is { } seen && seen > revokedAt ? seen : revokedAt;
            }

            if (_outage)
            {
                _outage = false;
                LogRestored(logger);
            }

            healthy();
            _connected.TrySetResult();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session revocations from users are unavailable ({Reason}); until they are back, subscriptions of sessions logged out meanwhile go on until their tokens expire. Reconnecting with backoff.")]
    private static partial void LogUnavailable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session revocations from users are back; revocations made meanwhile are replayed.")]
    private static partial void LogRestored(ILogger logger);
}
