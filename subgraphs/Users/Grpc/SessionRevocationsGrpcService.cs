using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Shop.ServiceDefaults;
using Shop.ServiceDefaults.Grpc;
using Shop.Users.Sessions;

namespace Shop.Users.Grpc;

/// <summary>Streams revoked sessions (<see cref="SessionRevocationFeed"/>) until the caller hangs up.</summary>
/// <remarks>Callers: orders, the one service whose subscriptions outlive a request.</remarks>
[AllowedCallers(ShopServices.Orders)]
public sealed class SessionRevocationsGrpcService(SessionRevocationFeed feed) : SessionRevocationsService.SessionRevocationsServiceBase
{
    public override async Task WatchSessionRevocations(
        WatchSessionRevocationsRequest request, IServerStreamWriter<SessionRevocationBatch> responseStream, ServerCallContext context)
    {
        var after = request.After?.ToDateTimeOffset();
        try
        {
            await foreach (var sessions in feed.WatchAsync(after, context.CancellationToken))
            {
                var batch = new SessionRevocationBatch();
                batch.Revocations.AddRange(sessions.Select(session => new SessionRevocation
                {
                    SessionId = session.SessionId.ToString(),
                    RevokedAt = Timestamp.FromDateTimeOffset(session.RevokedAt),
                    TokensExpireBy = Timestamp.FromDateTimeOffset(session.TokensExpireBy),
                }));
                await responseStream.WriteAsync(batch, context.CancellationToken);
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The watcher hung up, or this instance is stopping: the watcher reconnects from its cursor.
        }
    }
}
